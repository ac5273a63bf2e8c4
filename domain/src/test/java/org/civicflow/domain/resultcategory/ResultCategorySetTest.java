package org.civicflow.domain.resultcategory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The sets of result categories as V20 seeds them, the switch, label editing, and old labels. */
@MybatisTest
@Import({ResultCategorySet.class, AuditLog.class, ResultCategorySetTest.Clocks.class})
class ResultCategorySetTest {

  /** A clock that the test moves: the switch is at T, a reply signed before it is of A/B/C. */
  static final MovableClock CLOCK = new MovableClock();

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return CLOCK;
    }
  }

  @Autowired ResultCategorySet set;
  @Autowired AuditLog audit;

  @Test
  void abcIsInUseByDefaultAndOnlyBRequiresCommitments() {
    CLOCK.at(Instant.parse("2022-01-01T00:00:00Z"));
    CategoryScheme abc = set.active();
    assertThat(abc.name()).isEqualTo("ABC");
    assertThat(abc.codes()).containsExactly("A", "B", "C");
    assertThat(abc.promising()).containsExactly("B");
    assertThat(abc.find("A").orElseThrow().labelZh()).isEqualTo("已解决或采纳");
    assertThat(abc.find("C").orElseThrow().display(Locale.ENGLISH))
        .isEqualTo("C — kept for reference");
    assertThat(set.schemes()).extracting(CategoryScheme::name).containsExactly("ABC", "ABCD");
  }

  @Test
  void switchingToAbcdChangesWhatIsAcceptedNotWhatWasSigned() {
    Instant before = Instant.parse("2023-03-01T00:00:00Z");
    CLOCK.at(before.plus(1, ChronoUnit.DAYS));
    assertThatThrownBy(() -> set.requireActive("category", "D"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("category"));

    CategoryScheme abcd = set.switchTo("ABCD", "admin");
    assertThat(abcd.codes()).containsExactly("A", "B", "C", "D");
    assertThat(abcd.promising()).containsExactly("B", "C");
    assertThat(set.active().name()).isEqualTo("ABCD");
    assertThat(set.requireActive("category", "D").labelZh()).isEqualTo("留作参考");

    // a C signed before the switch keeps the label of its time; C now means 列入规划
    assertThat(set.display("C", before, Locale.CHINA)).isEqualTo("C类 因条件限制留作参考");
    assertThat(set.display("C", CLOCK.instant(), Locale.CHINA)).isEqualTo("C类 列入规划");
    assertThat(set.inForceAt(before).name()).isEqualTo("ABC");

    // switching again to the set in use changes nothing
    set.switchTo("ABCD", "admin");
    assertThat(set.switches()).hasSize(1);
    assertThat(audit.forObject("setting", "resultCategories"))
        .extracting(AuditEvent::detail)
        .containsExactly("ABC → ABCD");

    // back to A/B/C: D is retired but keeps its label
    CLOCK.at(before.plus(2, ChronoUnit.DAYS));
    set.switchTo("ABC", "admin");
    assertThat(set.meaning("D").orElseThrow().labelZh()).isEqualTo("留作参考");
    assertThatThrownBy(() -> set.requireActive("category", "D"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aReplyIsLabelledByTheSetItWasSignedUnderEvenInTheSecondOfASwitch() {
    Instant second = Instant.parse("2023-04-01T08:00:00Z");
    CLOCK.at(second);
    set.switchTo("ABCD", "admin");
    // signed in the switch's second under A/B/C: the time alone cannot tell, the recorded set can
    assertThat(set.display("C", second, Locale.CHINA)).isEqualTo("C类 列入规划");
    assertThat(set.display("C", "ABC", second, Locale.CHINA)).isEqualTo("C类 因条件限制留作参考");
    assertThat(set.display("C", "ABCD", second, Locale.CHINA)).isEqualTo("C类 列入规划");
    // no recorded set (signed before V22), or a set that lacks the code: the time decides
    assertThat(set.display("C", null, second.minusSeconds(1), Locale.CHINA))
        .isEqualTo("C类 因条件限制留作参考");
    assertThat(set.display("D", "ABC", second, Locale.CHINA)).isEqualTo("D类 留作参考");
  }

  @Test
  void anUnknownSetIsRefusedNamingSet() {
    assertThatThrownBy(() -> set.switchTo("XYZ", "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("set"));
    assertThatThrownBy(() -> set.switchTo(" ", "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("set"));
  }

  @Test
  void editingALabelIsAuditedAndValidated() {
    CLOCK.at(Instant.parse("2024-01-01T00:00:00Z"));
    ResultCategory a = set.find("ABC", "A").orElseThrow();
    ResultCategory edited =
        set.edit(
            new ResultCategory("ABC", "A", " 已解决 ", "solved", null, null, 9, false, null, null),
            "admin");
    assertThat(edited.labelZh()).isEqualTo("已解决");
    assertThat(edited.sortOrder()).isEqualTo(a.sortOrder()); // the order is not edited
    assertThat(set.find("ABC", "A").orElseThrow().updatedBy()).isEqualTo("admin");
    assertThat(audit.forObject("resultCategory", "ABC/A"))
        .extracting(AuditEvent::detail)
        .singleElement()
        .asString()
        .contains("已解决或采纳", "→ 已解决");

    assertThatThrownBy(
            () ->
                set.edit(
                    new ResultCategory(
                        "ABC", "A", " ", "x".repeat(61), null, null, 1, false, null, null),
                    "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsKeys("labelZh", "labelEn"));
    assertThatThrownBy(
            () ->
                set.edit(
                    new ResultCategory("ABC", "D", "x", "x", null, null, 1, false, null, null),
                    "admin"))
        .isInstanceOf(NotFoundException.class);
  }

  /** A clock whose instant the test sets. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2022-01-01T00:00:00Z");

    void at(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
