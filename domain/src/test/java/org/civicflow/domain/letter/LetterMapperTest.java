package org.civicflow.domain.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@MybatisTest
class LetterMapperTest {

  static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  @Autowired LetterMapper letters;

  @Test
  void aSequenceAdvancesOnlyFromTheNumberTaken() {
    letters.insertNumbering(new LetterNumbering("TESTDEPT", 2022, "市监函", 15), "admin", NOW);
    LetterNumbering n = letters.lockNumbering("TESTDEPT", 2022).orElseThrow();
    assertThat(n.format(n.nextNumber())).isEqualTo("市监函〔2022〕15号");
    assertThat(letters.advance("TESTDEPT", 2022, 15)).isEqualTo(1);
    assertThat(letters.advance("TESTDEPT", 2022, 15)).as("taken already").isZero();
    assertThat(letters.findNumbering("TESTDEPT", 2022).orElseThrow().nextNumber()).isEqualTo(16);
    assertThat(letters.findNumbering("TESTDEPT", 2023)).isEmpty();
    assertThat(letters.numberingsOf("TESTDEPT")).hasSize(1);
    assertThatThrownBy(
            () ->
                letters.insertNumbering(
                    new LetterNumbering("TESTDEPT", 2022, "x", 1), "admin", NOW))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void anIssuedLetterIsFoundByPublicationCodeAndHash() {
    byte[] pdf = "%PDF-1.7 test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    IssuedLetter l =
        new IssuedLetter(
            900_101L,
            "TESTDEPT",
            "市监函〔2022〕15号",
            "ABCDEFGH23",
            NOW,
            IssuedLetters.sha256(pdf),
            pdf,
            NOW);
    letters.insertLetter(l);
    assertThat(letters.findLetter(900_101L).orElseThrow().pdf()).isEqualTo(pdf);
    assertThat(letters.findByCode("ABCDEFGH23").orElseThrow().documentNumber())
        .isEqualTo("市监函〔2022〕15号");
    assertThat(letters.findBySha256(IssuedLetters.sha256(pdf)))
        .singleElement()
        .satisfies(x -> assertThat(x.publicationId()).isEqualTo(900_101L));
    assertThatThrownBy(
            () ->
                letters.insertLetter(
                    new IssuedLetter(
                        900_102L,
                        "TESTDEPT",
                        "市监函〔2022〕15号",
                        "ABCDEFGH24",
                        NOW,
                        "0".repeat(64),
                        pdf,
                        NOW)))
        .as("one number, one letter")
        .isInstanceOf(DuplicateKeyException.class);
  }
}
