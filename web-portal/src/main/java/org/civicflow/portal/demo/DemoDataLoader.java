package org.civicflow.portal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.civicflow.domain.delegation.Delegations;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.portal.summary.SummaryGeneration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo data of the API contract (departments, the session, accounts with the password
 * {@value #PASSWORD}) through the same services that administrators use, then proposals at every
 * stage through the real processes ({@link DemoProposals}). Runs only when {@code
 * civicflow.demo=true} (the embedded default) and only once per database.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "civicflow.demo", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

  static final String PASSWORD = "Demo@12345";
  static final String SESSION = "市九届人大一次会议";
  private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
  private static final List<Department> DEPARTMENTS =
      List.of(
          new Department("SCJG", "市场监督管理局", true, 1),
          new Department("SWJ", "市商务局", true, 2),
          new Department("WXB", "市委网信办", true, 3),
          new Department("GAJ", "市公安局", true, 4),
          new Department("JYJ", "市教育局", true, 5));

  /** The congress delegations (代表团) of the demo city, counties and districts. */
  static final List<String> DELEGATIONS = List.of("银州区", "清河区", "铁岭县", "西丰县", "昌图县", "调兵山市", "开原市");

  /** CPPCC sectors (界别). */
  static final List<String> SECTORS =
      List.of(
          "中国共产党",
          "民革",
          "民盟",
          "民建",
          "民进",
          "农工党",
          "九三学社",
          "无党派人士",
          "共青团",
          "工会",
          "妇联",
          "工商联",
          "科技界",
          "教育界",
          "文化艺术界",
          "医药卫生界",
          "经济界",
          "农业界",
          "社会福利和社会保障界",
          "少数民族界",
          "宗教界");

  private final DepartmentDirectory departments;
  private final Delegations delegations;
  private final SessionCatalog sessions;
  private final UserDirectory users;
  private final UserManagement userManagement;
  private final DemoProposals proposals;
  private final SummaryGeneration summaries;
  private final ProcessEngineConfigurationImpl engine;
  private final String databaseUrl;

  DemoDataLoader(
      DepartmentDirectory departments,
      Delegations delegations,
      SessionCatalog sessions,
      UserDirectory users,
      UserManagement userManagement,
      DemoProposals proposals,
      SummaryGeneration summaries,
      ProcessEngineConfigurationImpl engine,
      @Value("${spring.datasource.url:}") String databaseUrl) {
    this.departments = departments;
    this.delegations = delegations;
    this.sessions = sessions;
    this.users = users;
    this.userManagement = userManagement;
    this.proposals = proposals;
    this.summaries = summaries;
    this.engine = engine;
    this.databaseUrl = databaseUrl;
  }

  @Override
  public void run(ApplicationArguments args) {
    warnOfThePublishedPassword();
    if (users.find("admin").isPresent()) {
      LOG.info("Demo data already present");
      return;
    }
    DEPARTMENTS.forEach(departments::create);
    sessions.create(Session.of(SESSION, SessionKind.NPC, LocalDate.of(2021, 12, 28)));
    DELEGATIONS.forEach(d -> delegations.add(SessionKind.NPC, d, "admin"));
    SECTORS.forEach(d -> delegations.add(SessionKind.CPPCC, d, "admin"));
    List<NewUser> accounts = new ArrayList<>();
    account(accounts, "admin", "系统管理员", null, EnumSet.of(Role.ADMIN), null);
    account(accounts, "registrar", "人大代表工委交办员", null, EnumSet.of(Role.REGISTRAR), null);
    for (Department d : DEPARTMENTS) {
      String prefix = d.code().toLowerCase(Locale.ROOT);
      account(
          accounts,
          prefix + ".handler",
          d.name() + "承办人",
          d.code(),
          EnumSet.of(Role.HANDLER),
          null);
      account(
          accounts,
          prefix + ".reviewer",
          d.name() + "科室负责人",
          d.code(),
          EnumSet.of(Role.REVIEWER),
          null);
      account(
          accounts, prefix + ".leader", d.name() + "分管领导", d.code(), EnumSet.of(Role.LEADER), null);
    }
    account(accounts, "deputy.jinmiao", "金淼", null, EnumSet.of(Role.PROPOSER), "昌图县");
    userManagement.createDemoAccounts(accounts, PASSWORD);
    // The demo runs its own jobs at the historical times it replays; the job executor waits.
    JobExecutor jobs = engine.getJobExecutor();
    boolean wasActive = jobs != null && jobs.isActive();
    if (wasActive) {
      jobs.shutdown();
    }
    try {
      proposals.create();
    } finally {
      if (wasActive) {
        jobs.start();
      }
    }
    // the year's handling summary of the demo session, generated and published by the registrar
    summaries.generateAndPublish(sessions.findByName(SESSION).orElseThrow(), "registrar");
    LOG.info(
        "Demo data created: {} departments, {} accounts, demo proposals at every stage",
        DEPARTMENTS.size(),
        users.count());
  }

  /**
   * The demo accounts, {@code admin} among them, share a password printed in the README: fine on
   * the embedded in-memory database, which dies with the process; anywhere else the log says so
   * loudly.
   */
  private void warnOfThePublishedPassword() {
    if (databaseUrl.startsWith("jdbc:h2:mem:")) {
      LOG.info(
          "Demo data on the embedded database: the demo accounts share the published password");
      return;
    }
    LOG.warn(
        "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! DEMO DATA !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
            + "\ncivicflow.demo=true on a real database ({}):"
            + "\nthe demo accounts, the administrator 'admin' among them, all share the"
            + "\nPUBLISHED password of the README and need no password change: anyone who"
            + "\nreads it can sign in. Never run a demo database for real work."
            + "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        databaseUrl.replaceAll("\\?.*", ""));
  }

  private static void account(
      List<NewUser> accounts,
      String username,
      String displayName,
      String department,
      Set<Role> roles,
      String delegation) {
    // example.org addresses: with no SMTP server configured the mails are only logged
    accounts.add(
        new NewUser(
            username,
            displayName,
            PASSWORD,
            department,
            roles,
            delegation,
            username + "@civicflow.example.org",
            null));
  }
}
