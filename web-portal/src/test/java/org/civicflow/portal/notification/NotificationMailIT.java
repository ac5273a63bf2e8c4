package org.civicflow.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.notification.OutboxRelay;
import org.civicflow.engine.assignment.DeadlineApproaching;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and the passed deadline reach the department's handlers and the registrars: in the
 * portal with an unread count, and by e-mail through a real SMTP server (GreenMail) — once, even
 * when the job that raised them runs again.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class NotificationMailIT {

  static final String PASSWORD = "Demo@12345";
  static final int SMTP_PORT = freePort();
  static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired OutboxRelay relay;
  @Autowired UserDirectory users;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;

  private Map<String, Object> call(String user, HttpMethod method, String path, Object body) {
    ResponseEntity<Map<String, Object>> r =
        http.withBasicAuth(user, PASSWORD)
            .exchange(path, method, body == null ? null : new HttpEntity<>(body), MAP);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(path + " " + r.getBody()).isTrue();
    return r.getBody();
  }

  @SuppressWarnings("unchecked")
  private String task(String user, long proposalId, String key) {
    Map<String, Object> page =
        call(user, HttpMethod.GET, "/api/v1/tasks?size=200&proposal=" + proposalId, null);
    return (String)
        ((List<Map<String, Object>>) page.get("items"))
            .stream()
                .filter(t -> key.equals(t.get("key")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no " + key + ": " + page))
                .get("id");
  }

  private long proposalInHandlingAtScjg() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", "市九届人大一次会议");
    body.put("number", "N" + System.nanoTime() % 100_000_000);
    body.put("type", "SUGGESTION");
    body.put("title", "关于规范预付卡消费的建议");
    body.put("content", "建议内容。");
    body.put("proposer", "金淼");
    body.put("submittedAt", "2021-12-29");
    long id =
        ((Number) call("registrar", HttpMethod.POST, "/api/v1/proposals", body).get("id"))
            .longValue();
    call(
        "registrar",
        HttpMethod.POST,
        "/api/v1/tasks/" + task("registrar", id, "reviewAcceptance") + "/complete",
        Map.of("decision", "ACCEPT"));
    call(
        "registrar",
        HttpMethod.POST,
        "/api/v1/tasks/" + task("registrar", id, "assignDepartments") + "/complete",
        Map.of("mode", "LEAD_CO", "lead", "SCJG"));
    call(
        "scjg.handler",
        HttpMethod.POST,
        "/api/v1/tasks/" + task("scjg.handler", id, "signFor") + "/complete",
        Map.of("decision", "ACCEPT"));
    return id;
  }

  private Job timer(long proposalId, String activityId) {
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("departmentHandling")
            .variableValueEquals("proposalId", proposalId)
            .singleResult()
            .getId();
    return management
        .createJobQuery()
        .processInstanceId(instance)
        .activityId(activityId)
        .singleResult();
  }

  private List<String> recipients(MimeMessage[] mails, String number) {
    return Arrays.stream(mails)
        .filter(m -> subject(m).contains(number))
        .map(
            m -> {
              try {
                return m.getAllRecipients()[0].toString();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .sorted()
        .toList();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void remindersAndTheDeadlineReachTheDepartmentAndTheRegistrarOnce() throws Exception {
    long id = proposalInHandlingAtScjg();
    Map<String, Object> proposal =
        call("registrar", HttpMethod.GET, "/api/v1/proposals/" + id, null);
    String number = (String) proposal.get("number");
    List<String> expected =
        java.util.stream.Stream.concat(
                users.withRole(Role.HANDLER, "SCJG").stream(),
                users.withRole(Role.REGISTRAR, null).stream())
            .filter(User::isEnabled)
            .map(User::getEmail)
            // accounts made by other tests have no address and get the portal notice only
            .filter(address -> address != null && !address.isBlank())
            .sorted()
            .toList();
    assertThat(expected)
        .contains("scjg.handler@civicflow.example.org", "registrar@civicflow.example.org");

    Job reminder = timer(id, "firstReminderDue");
    management.executeJob(reminder.getId());
    long unread =
        ((Number)
                call("scjg.handler", HttpMethod.GET, "/api/v1/notifications?unread=true", null)
                    .get("unread"))
            .longValue();
    assertThat(unread).isPositive();

    relay.sendDue();
    smtp.waitForIncomingEmail(5_000, expected.size());
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(recipients(mails, number)).isEqualTo(expected);
    assertThat(
            Arrays.stream(mails)
                .filter(m -> subject(m).contains(number))
                .findFirst()
                .orElseThrow()
                .getSubject())
        .startsWith("【催办】");

    // the same reminder raised again (a job retried after its work was done): nobody is told twice
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s ->
                events.publishEvent(
                    new DeadlineApproaching(
                        id,
                        "SCJG",
                        java.time.LocalDate.parse(
                            (String)
                                ((List<Map<String, Object>>) proposal.get("assignments"))
                                    .get(0)
                                    .get("dueDate")),
                        "sendReminder1@" + reminder.getProcessInstanceId())));
    relay.sendDue();
    assertThat(recipients(smtp.getReceivedMessages(), number)).isEqualTo(expected);

    management.executeJob(timer(id, "handlingDeadlineReached").getId());
    relay.sendDue();
    smtp.waitForIncomingEmail(5_000, expected.size() * 2);
    assertThat(
            Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("【逾期督办】") && subject(m).contains(number))
                .count())
        .isEqualTo(expected.size());

    Map<String, Object> notices =
        call("scjg.handler", HttpMethod.GET, "/api/v1/notifications", null);
    List<Map<String, Object>> items = (List<Map<String, Object>>) notices.get("items");
    assertThat(items)
        .filteredOn(n -> number.equals(n.get("proposalNumber")))
        .extracting(n -> n.get("kind"))
        .containsExactlyInAnyOrder("DEADLINE_APPROACHING", "DEADLINE_PASSED");

    PortalSession handler = PortalSession.signIn(port, "scjg.handler", PASSWORD);
    PortalSession.Page page = handler.get("/portal/notices");
    assertThat(page.body()).contains("逾期督办").contains(number).contains("class=\"badge\"");
    long noticeId =
        ((Number)
                items.stream()
                    .filter(n -> number.equals(n.get("proposalNumber")))
                    .findFirst()
                    .orElseThrow()
                    .get("id"))
            .longValue();
    assertThat(
            handler.post("/portal/notices/" + noticeId + "/read", page.body(), Map.of()).status())
        .isEqualTo(302);
    ResponseEntity<Map<String, Object>> others =
        http.withBasicAuth("swj.handler", PASSWORD)
            .exchange("/api/v1/notifications/" + noticeId + "/read", HttpMethod.POST, null, MAP);
    assertThat(others.getStatusCode().value()).as("not someone else's notice").isEqualTo(404);
  }
}
