package org.civicflow.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.civicflow.domain.notification.OutboxRelay;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.publicsite.ReplyPublishing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mail that tells the proposer the reply was sent carries the signed PDF letter, the same bytes
 * as its download, through a real SMTP server (GreenMail).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class ReplyLetterMailIT {

  static final int SMTP_PORT = NotificationMailIT.freePort();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired UserManagement accounts;
  @Autowired ManagementService management;
  @Autowired OutboxRelay relay;

  @Test
  void theReplySentMailCarriesTheSignedLetter() throws Exception {
    String proposer = "letter.mail.proposer";
    String address = "letter-proposer@example.org";
    if (users.find(proposer).isEmpty()) {
      accounts.create(
          new NewUser(
              proposer,
              "来信代表",
              "Demo@12345",
              null,
              EnumSet.of(Role.PROPOSER),
              "昌图县",
              address,
              null),
          true);
    }
    ReplyPublishing publishing = new ReplyPublishing(intake, work, inbox, users, management, jdbc);
    long publicationId =
        publishing.publish(
            new NewProposal(
                "市九届人大一次会议",
                "M" + System.nanoTime() % 1_000_000,
                ProposalType.SUGGESTION,
                "关于答复函随邮件送达的建议",
                "建议内容。",
                "测试",
                "来信代表",
                proposer,
                List.of(),
                "昌图县",
                Instant.now().minusSeconds(60)),
            "来信代表：\n答复正文：随邮件送达。");
    long proposalId =
        jdbc.queryForObject(
            "SELECT proposal_id FROM cf_publication WHERE id = ?", Long.class, publicationId);
    relay.sendDue();
    smtp.waitForIncomingEmail(10_000, 1);
    List<byte[]> pdfs = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
          && m.getContent() instanceof Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart part = parts.getBodyPart(i);
          if (part.getContentType().startsWith("application/pdf")) {
            pdfs.add(part.getInputStream().readAllBytes());
            assertThat(part.getFileName()).endsWith(".pdf");
          }
        }
      }
    }
    byte[] download =
        http.withBasicAuth("registrar", "Demo@12345")
            .getForEntity(
                "/api/v1/proposals/" + proposalId + "/replies/" + publicationId + "/letter.pdf",
                byte[].class)
            .getBody();
    assertThat(pdfs).as("one letter attached").hasSize(1);
    assertThat(pdfs.get(0)).isEqualTo(download);
  }
}
