package org.civicflow.portal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicflow.domain.statistics.CommitmentCounts;
import org.civicflow.domain.statistics.SessionReport;
import org.civicflow.domain.statistics.SessionStatistics;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The department leader's page shows its department's figures, commitments included. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class DepartmentPageIT {

  @LocalServerPort int port;
  @Autowired SessionStatistics statistics;

  @Test
  void theLeaderSeesTheDepartmentsOpenCommitmentsAndTheOverdueOnes() {
    // the demo's session by name: another test may have marked a later session current
    String demo = "市九届人大一次会议";
    SessionReport report = statistics.report(statistics.session(demo));
    CommitmentCounts scjg =
        report.byDepartment().stream()
            .filter(d -> d.code().equals("SCJG"))
            .findFirst()
            .orElseThrow()
            .commitments();
    assertThat(scjg.made()).as("the demo's B reply of SCJG lists commitments").isPositive();

    String page =
        PortalSession.signIn(port, "scjg.leader", "Demo@12345")
            .get(
                "/portal/department?session="
                    + java.net.URLEncoder.encode(demo, java.nio.charset.StandardCharsets.UTF_8))
            .body();
    assertThat(page)
        .contains(
            "id=\"dept-open-commitments\">" + (scjg.open() + scjg.overdue()) + "</span>",
            "共 " + scjg.made() + " 项，其中 " + scjg.overdue() + " 项已到期");
    long overdueOfScjg =
        report.overdueCommitments().stream().filter(c -> c.departmentCode().equals("SCJG")).count();
    if (overdueOfScjg > 0) {
      assertThat(page).contains("h-overdue-commitments");
    } else {
      assertThat(page).doesNotContain("h-overdue-commitments");
    }
    assertThat(
            PortalSession.signIn(port, "scjg.handler", "Demo@12345")
                .get("/portal/department")
                .status())
        .isEqualTo(403);
  }
}
