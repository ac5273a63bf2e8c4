package org.civicflow.portal.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reply letter of suggestion 911100 as the demo signed it: official layout, the signed text
 * only (never an earlier draft), for the staff and the proposer, refused when the record was
 * tampered with.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class ReplyLetterIT {

  static final String PASSWORD = "Demo@12345";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private long[] ids911100() {
    return jdbc.queryForObject(
        "SELECT proposal_id, id FROM cf_publication WHERE proposal_number = '911100'",
        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
  }

  private ResponseEntity<byte[]> letter(String user, long[] ids) {
    return http.withBasicAuth(user, PASSWORD)
        .getForEntity(
            "/api/v1/proposals/" + ids[0] + "/replies/" + ids[1] + "/letter", byte[].class);
  }

  static String documentXml(byte[] docx) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("word/document.xml")) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no word/document.xml in the letter");
  }

  @Test
  void theLetterHasTheOfficialLayoutAndOnlyTheSignedText() throws IOException {
    long[] ids = ids911100();
    ResponseEntity<byte[]> r = letter("scjg.handler", ids);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(r.getHeaders().getContentType().toString()).contains("wordprocessingml");
    assertThat(r.getHeaders().getContentDisposition().getFilename()).contains("911100");
    String xml = documentXml(r.getBody());
    assertThat(xml)
        .contains("答复类别：B")
        .contains("市场监督管理局")
        .contains("关于市九届人大一次会议第911100号建议的答复")
        .contains("金淼代表")
        .contains("一、强化部门协同,摸清行业底数。")
        .contains("再次感谢您对市场监管工作的关心和支持。")
        .contains("2022年")
        .contains("联系人:网络交易监督管理科 张明")
        .contains("抄送：市人大常委会代表工作委员会");
    assertThat(xml)
        .as("the first draft's wording is not in the letter")
        .doesNotContain("三、我局将依法查处直播带货中的违法行为。");
    assertThat(xml.indexOf("金淼代表")).isLessThan(xml.indexOf("强化部门协同"));
    assertThat(xml.indexOf("再次感谢")).isLessThan(xml.indexOf("联系人"));

    assertThat(letter("deputy.jinmiao", ids).getStatusCode())
        .as("the proposer, after the reply was sent")
        .isEqualTo(HttpStatus.OK);
    assertThat(letter("swj.handler", ids).getStatusCode().is4xxClientError())
        .as("another department")
        .isTrue();
    assertThat(
            http.getForEntity(
                    "/api/v1/proposals/" + ids[0] + "/replies/" + ids[1] + "/letter", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            http.withBasicAuth("registrar", PASSWORD)
                .getForEntity(
                    "/api/v1/proposals/" + ids[0] + "/replies/999999/letter", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aTamperedRecordGivesNoLetter() {
    long[] ids = ids911100();
    String signed =
        jdbc.queryForObject(
            "SELECT signed_text FROM cf_publication WHERE id = ?", String.class, ids[1]);
    try {
      jdbc.update(
          "UPDATE cf_publication SET signed_text = ? WHERE id = ?", signed + "(篡改)", ids[1]);
      ResponseEntity<byte[]> r = letter("registrar", ids);
      assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    } finally {
      jdbc.update("UPDATE cf_publication SET signed_text = ? WHERE id = ?", signed, ids[1]);
    }
    assertThat(letter("registrar", ids).getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
