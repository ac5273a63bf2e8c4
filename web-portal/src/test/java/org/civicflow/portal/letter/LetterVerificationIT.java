package org.civicflow.portal.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.proposal.ProposalActions;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.publicsite.ReplyPublishing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The way back from a letter to the record: the public verification API says genuine for the
 * untouched letter of 911100 and not genuine for one byte changed; a hostile or oversized upload
 * gets a 400 naming {@code file}; a withdrawn reply's letter says so; the address printed on a
 * letter leads to the public record, or for a reply that is not public only confirms the letter.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class LetterVerificationIT {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;
  @Autowired ProposalActions actions;

  @SuppressWarnings({"unchecked", "rawtypes"})
  static ResponseEntity<Map> verify(TestRestTemplate http, byte[] file) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(file) {
          @Override
          public String getFilename() {
            return "letter.pdf";
          }
        });
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.postForEntity(
        "/api/v1/public/letters/verification", new HttpEntity<>(form, h), Map.class);
  }

  @Test
  void theUntouchedLetterIsGenuineAndOneChangedByteIsNot() {
    long[] ids = PdfReplyLetterIT.ids911100(jdbc);
    byte[] pdf = PdfReplyLetterIT.pdf(http, "scjg.handler", ids).getBody();

    ResponseEntity<Map> ok = verify(http, pdf);
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getBody())
        .containsOnlyKeys(
            "genuine", "department", "number", "signedAt", "publicationId", "state", "reason")
        .containsEntry("genuine", true)
        .containsEntry("department", "市场监督管理局")
        .containsEntry("publicationId", (int) ids[1])
        .containsEntry("state", "PUBLISHED");
    assertThat((String) ok.getBody().get("number")).startsWith("市场监督管理局函〔2022〕");
    assertThat(Instant.parse((String) ok.getBody().get("signedAt"))).isBefore(Instant.now());

    byte[] changed = pdf.clone();
    changed[changed.length / 3] ^= 0x01;
    ResponseEntity<Map> no = verify(http, changed);
    assertThat(no.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(no.getBody()).containsEntry("genuine", false).containsEntry("number", null);
    assertThat((String) no.getBody().get("reason")).contains("改动");

    String code =
        jdbc.queryForObject(
            "SELECT verification_code FROM cf_reply_letter WHERE publication_id = ?",
            String.class,
            ids[1]);
    assertThat(PdfTools.runQuiet(pdf)).contains("/verify/" + code);
    // the client follows the redirect to the sealed public record of the reply
    ResponseEntity<String> address = http.getForEntity("/verify/" + code, String.class);
    assertThat(address.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(address.getBody()).contains("/public/replies/" + ids[1]).contains("911100");
    assertThat(http.getForEntity("/verify/ZZZZZZZZZZ", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void hostileOrOversizedUploadsGetA400() {
    for (byte[] bad :
        List.of(
            "not a pdf".getBytes(StandardCharsets.US_ASCII),
            ("%PDF-1.7\n1 0 obj\n" + "[".repeat(200_000) + "\nendobj\n%%EOF")
                .getBytes(StandardCharsets.US_ASCII),
            ("%PDF-1.7\n1 0 obj << /Length 999999999 >> stream\nxx\nendstream endobj\n"
                    + "trailer << /Root 1 0 R >>\n%%EOF")
                .getBytes(StandardCharsets.US_ASCII),
            new byte[LetterVerification.MAX_BYTES + 10])) {
      ResponseEntity<Map> r = verify(http, bad);
      assertThat(r.getStatusCode()).as(new String(bad, 0, 8)).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(r.getBody().toString()).contains("file");
    }
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> none = new LinkedMultiValueMap<>();
    none.add("other", "x");
    ResponseEntity<Map> r =
        http.postForEntity(
            "/api/v1/public/letters/verification", new HttpEntity<>(none, h), Map.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody().toString()).contains("file");
  }

  @Test
  void aWithdrawnRepliesLetterSaysSoAndANotPublicOneOnlyConfirmsTheLetter() {
    ReplyPublishing publishing = new ReplyPublishing(intake, work, inbox, users, management, jdbc);
    long id = publishing.publish(proposal("关于答复函撤回验证的建议"), "答复正文：撤回验证。");
    long proposalId =
        jdbc.queryForObject("SELECT proposal_id FROM cf_publication WHERE id = ?", Long.class, id);
    byte[] pdf = PdfReplyLetterIT.pdf(http, "registrar", new long[] {proposalId, id}).getBody();
    assertThat(verify(http, pdf).getBody()).containsEntry("state", "PUBLISHED");

    actions.withdrawPublication(proposalId, id, "内容需更正", publishing.caller("registrar"));
    Map<String, Object> after = verify(http, pdf).getBody();
    assertThat(after).containsEntry("genuine", true).containsEntry("state", "WITHDRAWN");
    assertThat((String) after.get("reason")).contains("撤回").contains("内容需更正");

    long hidden = publishing.signNotPublic(proposal("关于答复函不公开验证的建议"), "答复正文：不公开。");
    long hiddenProposal =
        jdbc.queryForObject(
            "SELECT proposal_id FROM cf_publication WHERE id = ?", Long.class, hidden);
    byte[] hiddenPdf =
        PdfReplyLetterIT.pdf(http, "registrar", new long[] {hiddenProposal, hidden}).getBody();
    Map<String, Object> answer = verify(http, hiddenPdf).getBody();
    assertThat(answer)
        .containsEntry("genuine", true)
        .containsEntry("state", "NOT_PUBLIC")
        .containsEntry("publicationId", null);
    String code =
        jdbc.queryForObject(
            "SELECT verification_code FROM cf_reply_letter WHERE publication_id = ?",
            String.class,
            hidden);
    ResponseEntity<String> page = http.getForEntity("/verify/" + code, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody())
        .contains((String) answer.get("number"))
        .contains("市商务局")
        .doesNotContain("不公开。");
  }

  private static NewProposal proposal(String title) {
    return new NewProposal(
        "市九届人大一次会议",
        "L" + System.nanoTime() % 1_000_000,
        ProposalType.SUGGESTION,
        title,
        "建议内容",
        "测试",
        "测试代表团",
        null,
        List.of(),
        null,
        Instant.now().minusSeconds(60));
  }
}
