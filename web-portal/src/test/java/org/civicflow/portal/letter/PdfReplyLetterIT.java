package org.civicflow.portal.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PDF reply letter of suggestion 911100 as the demo signed it: the official layout with the
 * document number of the department's year, the font embedded as a subset (poppler's pdffonts and
 * pdftotext read it), signed (poppler's pdfsig: valid, the whole file; one byte changed: not
 * valid), the same bytes at every download, the same access as the DOCX letter.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class PdfReplyLetterIT {

  static final String PASSWORD = "Demo@12345";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  static long[] ids911100(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "SELECT proposal_id, id FROM cf_publication WHERE proposal_number = '911100'",
        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
  }

  static ResponseEntity<byte[]> pdf(TestRestTemplate http, String user, long[] ids) {
    return http.withBasicAuth(user, PASSWORD)
        .getForEntity(
            "/api/v1/proposals/" + ids[0] + "/replies/" + ids[1] + "/letter.pdf", byte[].class);
  }

  @Test
  void theLetterIsAnOfficialPdfWithTheFontEmbedded() throws IOException {
    long[] ids = ids911100(jdbc);
    ResponseEntity<byte[]> r = pdf(http, "scjg.handler", ids);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(r.getHeaders().getContentDisposition().getFilename()).endsWith("911100-SCJG.pdf");
    java.nio.file.Files.write(java.nio.file.Path.of("target", "letter-911100.pdf"), r.getBody());

    String text = PdfTools.run("pdftotext", r.getBody(), "-enc", "UTF-8");
    String flat = text.replaceAll("\\s+", "");
    assertThat(flat)
        .contains("市场监督管理局")
        .contains("市场监督管理局函〔2022〕")
        .contains("关于市九届人大一次会议第911100号建议的答复")
        .contains("金淼代表")
        .contains("一、强化部门协同")
        .contains("再次感谢您对市场监管工作的关心和支持。")
        .contains("联系人")
        .contains("抄送：市人大常委会代表工作委员会，市政府督查室，市委网信办。")
        .doesNotContain("三、我局将依法查处直播带货中的违法行为。");
    assertThat(flat.indexOf("金淼代表")).isLessThan(flat.indexOf("强化部门协同"));

    String fonts = PdfTools.run("pdffonts", r.getBody());
    assertThat(fonts).contains("NotoSerifSC");
    for (String line : fonts.lines().skip(2).toList()) {
      assertThat(line).as("embedded subset: " + line).matches("^[A-Z]{6}\\+.*yes\\s+yes\\s+yes.*");
    }

    String sig = PdfTools.run("pdfsig", r.getBody());
    assertThat(sig)
        .contains("Signature is Valid")
        .contains("Total document signed")
        .contains("ETSI.CAdES.detached")
        .contains("SHA-256");
    byte[] changed = r.getBody().clone();
    changed[changed.length / 3] ^= 0x01;
    assertThat(PdfTools.run("pdfsig", changed))
        .as("one byte changed")
        .doesNotContain("Signature is Valid");

    assertThat(pdf(http, "scjg.handler", ids).getBody())
        .as("the letter is issued once and served as issued")
        .isEqualTo(r.getBody());
    assertThat(pdf(http, "deputy.jinmiao", ids).getBody()).isEqualTo(r.getBody());
    assertThat(pdf(http, "swj.handler", ids).getStatusCode().is4xxClientError()).isTrue();
    assertThat(
            http.getForEntity(
                    "/api/v1/proposals/" + ids[0] + "/replies/" + ids[1] + "/letter.pdf",
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theDepartmentsLeaderSetsUpTheDocumentNumbers() {
    ResponseEntity<Map> set =
        http.withBasicAuth("gaj.leader", PASSWORD)
            .exchange(
                "/api/v1/departments/GAJ/letter-numbering/2031",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of("prefix", "市公安函", "nextNumber", 15)),
                Map.class);
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(set.getBody()).containsEntry("prefix", "市公安函").containsEntry("nextNumber", 15);

    ResponseEntity<Map> back =
        http.withBasicAuth("gaj.leader", PASSWORD)
            .exchange(
                "/api/v1/departments/GAJ/letter-numbering/2031",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of("prefix", "市公安函", "nextNumber", 3)),
                Map.class);
    assertThat(back.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(back.getBody().toString()).contains("nextNumber");

    ResponseEntity<Map> bad =
        http.withBasicAuth("admin", PASSWORD)
            .exchange(
                "/api/v1/departments/GAJ/letter-numbering/2031",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of("prefix", "", "nextNumber", 0)),
                Map.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().toString()).contains("prefix").contains("nextNumber");

    assertThat(
            http.withBasicAuth("gaj.leader", PASSWORD)
                .getForEntity("/api/v1/departments/GAJ/letter-numbering", Map.class)
                .getBody()
                .toString())
        .contains("市公安函");
    assertThat(
            http.withBasicAuth("scjg.leader", PASSWORD)
                .exchange(
                    "/api/v1/departments/GAJ/letter-numbering/2031",
                    HttpMethod.PUT,
                    new HttpEntity<>(Map.of("prefix", "x", "nextNumber", 99)),
                    Map.class)
                .getStatusCode())
        .as("another department's leader")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.withBasicAuth("gaj.handler", PASSWORD)
                .getForEntity("/api/v1/departments/GAJ/letter-numbering", Map.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
