package org.civicflow.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.civicflow.processes.HandlingDeadlineVariables;
import org.civicflow.processes.HandlingVariables;
import org.civicflow.processes.LeadDepartmentRoutingVariables;
import org.civicflow.processes.ProposalHandlingVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Lifecycle throughput: N proposals through the whole lifecycle (registration, acceptance,
 * assignment, sign-for, draft, review, sign-off, the send and publish jobs, the proposer's rating)
 * over the HTTP API with several client threads; then, in the same JVM and run, the same BPMN and
 * DMN models on a bare Camunda engine — same database server and JDBC settings (its own database),
 * same history level, id generator and job executor settings — with no-op delegates (only the
 * variables the models read are set) and the same user tasks completed with the same variables.
 *
 * <p>Both are measured the same way: wall time for N lifecycles, SQL statements through a counting
 * data source, and process CPU time. CivicFlow's clients run in this JVM too; their own CPU time
 * (per thread) is subtracted from the process CPU so that the figure is the server's. Writes
 * target/bench/lifecycle.md. See docs/performance.md.
 */
@EnabledIfSystemProperty(named = "civicflow.bench", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"civicflow.demo=true", "camunda.bpm.job-execution.enabled=true"})
class LifecycleBenchmarkIT {

  static final int N = Integer.getInteger("civicflow.bench.lifecycles", 40);
  static final int THREADS = Integer.getInteger("civicflow.bench.threads", 4);

  /** Lifecycles per warm-up batch. */
  static final int WARMUP = Integer.getInteger("civicflow.bench.warmup", 8);

  /**
   * At most this many warm-up batches; warming up stops earlier once the JIT compiler spent less
   * than {@link JitWarmUp#STEADY_JIT_SHARE} of a batch's wall time compiling (the steady state of a
   * server that has been running a while). 1 = a fixed warm-up of one batch (the CI's smoke run).
   */
  static final int WARMUP_BATCHES = Integer.getInteger("civicflow.bench.warmupBatches", 1);

  /** At most this many measured rounds (each side's N lifecycles split between them). */
  static final int ROUNDS = Integer.getInteger("civicflow.bench.lifecycleRounds", 3);

  static final String[] STEPS = {
    "reviewAcceptance",
    "assignDepartments",
    "signFor",
    "draftReply",
    "reviewDraft",
    "signOff",
    "giveFeedback"
  };

  @TestConfiguration
  static class Counting {
    @Bean
    static BeanPostProcessor countStatements() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds && name.equals("dataSource")
              ? new CountingDataSource(ds)
              : bean;
        }
      };
    }
  }

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  @Value("${spring.datasource.url}")
  String url;

  @Value("${spring.datasource.username}")
  String user;

  @Value("${spring.datasource.password:}")
  String password;

  final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
  final AtomicLong sequence = new AtomicLong();
  BlockingApi api;

  @BeforeEach
  void connect() {
    api = new BlockingApi(port);
  }

  @Test
  void lifecyclesPerSecondAgainstTheBareEngine() throws Exception {
    CountingDataSource civicStatements = (CountingDataSource) dataSource;
    HikariDataSource pool = barePool();
    CountingDataSource bareStatements = new CountingDataSource(pool);
    ProcessEngine engine = bareEngine(bareStatements);
    try {
      BareClient bare = new BareClient(engine);
      // Warmed up together, a batch of each side in turn: both run in this JVM, and the bare
      // engine's first lifecycles would otherwise make the JIT recompile the engine code CivicFlow
      // shares with it in the middle of CivicFlow's measurement.
      JitWarmUp.Result warm =
          JitWarmUp.until(
              () -> {
                runAll(WARMUP, this::civicflowLifecycle);
                runAll(WARMUP, bare::lifecycle);
              },
              WARMUP_BATCHES);
      // Measured in rounds, CivicFlow then the bare engine in each: whatever drifts during the run
      // (the machine's other load, the JIT still compiling now and then) falls on both sides.
      Result civic = Result.NONE;
      Result plain = Result.NONE;
      List<String> rounds = new ArrayList<>();
      int count = rounds(N);
      for (int r = 0; r < count; r++) {
        int n = N / count + (r < N % count ? 1 : 0);
        Result c = measure(n, this::civicflowLifecycle, civicStatements);
        Result b = measure(n, bare::lifecycle, bareStatements);
        civic = civic.plus(c);
        plain = plain.plus(b);
        rounds.add(
            String.format(
                "%.2f vs %.2f/s = %.0f %%",
                c.perSecond(), b.perSecond(), 100 * c.perSecond() / b.perSecond()));
      }
      report(civic, plain, warm, rounds);
      assertThat(civic.lifecycles).isEqualTo(N);
      assertThat(plain.lifecycles).isEqualTo(N);
    } finally {
      engine.close();
      pool.close();
    }
  }

  /** Rounds of at least 100 lifecycles a side, each of at least one per client thread. */
  static int rounds(int lifecycles) {
    return Math.max(1, Math.min(ROUNDS, lifecycles / Math.max(THREADS, 100)));
  }

  record Result(
      int lifecycles,
      double seconds,
      long statements,
      double cpuMs,
      double clientCpuMs,
      double jitMs,
      double gcMs,
      MachineCpu.Reading machine,
      Map<String, Long> bySql,
      Map<String, Long> byText) {

    static final Result NONE = new Result(0, 0, 0, 0, 0, 0, 0, MachineCpu.NONE, Map.of(), Map.of());

    double perSecond() {
      return lifecycles / seconds;
    }

    Result plus(Result o) {
      return new Result(
          lifecycles + o.lifecycles,
          seconds + o.seconds,
          statements + o.statements,
          cpuMs + o.cpuMs,
          clientCpuMs + o.clientCpuMs,
          jitMs + o.jitMs,
          gcMs + o.gcMs,
          machine.plus(o.machine),
          sum(bySql, o.bySql),
          sum(byText, o.byText));
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
      Map<String, Long> all = new HashMap<>(a);
      b.forEach((k, v) -> all.merge(k, v, Long::sum));
      return all;
    }
  }

  interface Lifecycle {
    void run(long n) throws Exception;
  }

  private Result measure(int n, Lifecycle lifecycle, CountingDataSource counter) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long statements = counter.statements.get();
    counter.drainBySql();
    counter.drainByText();
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long compiling = jit.getTotalCompilationTime();
    long collecting = gcMillis();
    MachineCpu.Reading machine = MachineCpu.read();
    long cpu = os.getProcessCpuTime();
    long t = System.nanoTime();
    long clientCpu = runAll(n, lifecycle);
    double seconds = (System.nanoTime() - t) / 1e9;
    long cpuUsed = os.getProcessCpuTime() - cpu;
    MachineCpu.Reading machineUsed = MachineCpu.read().since(machine);
    return new Result(
        n,
        seconds,
        counter.statements.get() - statements,
        cpuUsed / 1e6,
        clientCpu / 1e6,
        jit.getTotalCompilationTime() - compiling,
        gcMillis() - collecting,
        machineUsed,
        counter.drainBySql(),
        counter.drainByText());
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
        .filter(ms -> ms > 0)
        .sum();
  }

  /** Runs n lifecycles on THREADS threads; returns the CPU nanoseconds the threads used. */
  private long runAll(int n, Lifecycle lifecycle) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int share = n / THREADS + (t < n % THREADS ? 1 : 0);
        Callable<Long> work =
            () -> {
              long start = threads.getCurrentThreadCpuTime();
              for (int i = 0; i < share; i++) {
                lifecycle.run(sequence.incrementAndGet());
              }
              return threads.getCurrentThreadCpuTime() - start;
            };
        done.add(pool.submit(work));
      }
      long cpu = 0;
      for (Future<Long> f : done) {
        cpu += f.get();
      }
      return cpu;
    } finally {
      pool.shutdownNow();
    }
  }

  // --- CivicFlow over HTTP -------------------------------------------------------------------

  private void civicflowLifecycle(long n) throws Exception {
    long id = api.register("市九届人大一次会议", "L" + run + "-" + n);
    api.toSignedReply(
        id,
        "SCJG",
        Map.of(
            "replyText", "金淼代表:您提出的建议收悉。我局开展了联合监管,检查主播账号300余个。",
            "category", "B",
            "contactMethod", "PHONE",
            "contactNote", "电话沟通",
            "disclosure", "PUBLIC",
            "commitments",
                List.of(Map.of("text", "开展专项检查", "dueDate", "2099-12-31", "measure", "检查结果公布"))));
    api.complete(
        "deputy.jinmiao",
        id,
        "giveFeedback",
        Map.of("workRating", "SATISFIED", "resultRating", "SATISFIED"));
  }

  // --- the bare engine -------------------------------------------------------------------------

  /** Its own database on the same server, with the same JDBC settings and pool as CivicFlow's. */
  private HikariDataSource barePool() {
    HikariDataSource pool = new HikariDataSource();
    String bareUrl =
        url.startsWith("jdbc:h2:")
            ? url.replaceFirst("mem:[^;]+", "mem:civicflow_bare")
            : url.replaceFirst("/([^/?]+)\\?", "/$1_bare?");
    pool.setJdbcUrl(bareUrl);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    pool.setMaximumPoolSize(12);
    pool.setPoolName("bare-engine");
    return pool;
  }

  private ProcessEngine bareEngine(DataSource ds) {
    StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
    c.setProcessEngineName("bare-" + run);
    c.setDataSource(ds);
    c.setDatabaseSchemaUpdate("true");
    c.setHistory("audit");
    c.setIdGenerator(new StrongUuidGenerator());
    c.setAuthorizationEnabled(true);
    c.setMetricsEnabled(false);
    c.setDbMetricsReporterActivate(false);
    // as CivicEngineSettings
    c.setTaskMetricsEnabled(false);
    c.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    DefaultJobExecutor jobs = new DefaultJobExecutor();
    jobs.setCorePoolSize(3);
    jobs.setMaxPoolSize(3);
    jobs.setQueueSize(3);
    jobs.setMaxJobsPerAcquisition(3);
    jobs.setWaitTimeInMillis(2000);
    jobs.setMaxWait(30000);
    jobs.setLockTimeInMillis(300000);
    c.setJobExecutor(jobs);
    c.setJobExecutorActivate(true);
    Map<Object, Object> beans = new HashMap<>();
    JavaDelegate noop = execution -> {};
    for (String name :
        List.of(
            "reminderDelegate",
            "withdrawProposalDelegate",
            "signForDelegate",
            "refuseProposalDelegate",
            "reassignmentDelegate",
            "mergeProposalDelegate",
            "closeProposalDelegate",
            "acceptProposalDelegate",
            "sendReplyDelegate",
            "requestFeedbackDelegate",
            "rehandlingDelegate",
            "publishReplyDelegate",
            "overdueDelegate",
            "noFeedbackDelegate",
            "missingCoOpinionDelegate",
            "finishHandlingDelegate",
            "extensionDelegate")) {
      beans.put(name, noop);
    }
    Date later = new Date(System.currentTimeMillis() + 90L * 86_400_000L);
    // only what the models read: the sign-for deadline, the reminders and the handling deadline
    beans.put(
        "assignDepartmentsDelegate",
        (JavaDelegate)
            e -> {
              e.getProcessInstance()
                  .setVariable(ProposalHandlingVariables.SIGN_FOR_DUE_DATE, later);
              e.getProcessInstance()
                  .setVariable(ProposalHandlingVariables.REASSIGNMENT_APPROVED, false);
            });
    beans.put(
        "planDeadlinesDelegate",
        (JavaDelegate)
            e -> {
              e.getProcessInstance().setVariable(DepartmentHandlingVariables.DUE_DATE, later);
              e.getProcessInstance().setVariable(DepartmentHandlingVariables.REMINDER_1_AT, later);
              e.getProcessInstance().setVariable(DepartmentHandlingVariables.REMINDER_2_AT, later);
              e.getProcessInstance()
                  .setVariable(DepartmentHandlingVariables.CO_OPINION_DUE_DATE, later);
            });
    beans.put("handlingPlan", new HandlingPlan());
    c.setBeans(beans);
    ProcessEngine engine = c.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .name("bare")
        .enableDuplicateFiltering(true)
        .addClasspathResource("bpmn/proposalHandling.bpmn")
        .addClasspathResource("bpmn/departmentHandling.bpmn")
        .addClasspathResource("dmn/handlingDeadline.dmn")
        .addClasspathResource("dmn/leadDepartmentRouting.dmn")
        .deploy();
    return engine;
  }

  /** The departments of the plan: one lead department, no co-handlers (as in the HTTP run). */
  public static final class HandlingPlan {
    public List<String> signForDepartments(Object proposalId) {
      return List.of("SCJG");
    }

    public List<String> handlingDepartments(Object proposalId) {
      return List.of("SCJG");
    }

    public List<String> coDepartments(Object proposalId, Object department) {
      return List.of();
    }
  }

  /** The same lifecycle through the engine's Java API, with the variables CivicFlow sets. */
  final class BareClient {
    final ProcessEngine engine;

    BareClient(ProcessEngine engine) {
      this.engine = engine;
    }

    void lifecycle(long n) throws Exception {
      String key = "bare-" + run + "-" + n;
      Map<String, Object> start = new HashMap<>();
      start.put(ProposalHandlingVariables.PROPOSAL_ID, 1_000_000_000L + n);
      start.put(HandlingDeadlineVariables.PROPOSAL_TYPE, "SUGGESTION");
      start.put(LeadDepartmentRoutingVariables.CATEGORY, "市场监管");
      start.put(LeadDepartmentRoutingVariables.TITLE, "关于加强直播带货市场监督管理的建议");
      start.put(HandlingDeadlineVariables.FROM_SESSION, true);
      start.put(HandlingVariables.PROPOSER_USERNAME, "deputy.jinmiao");
      engine.getRuntimeService().startProcessInstanceByKey("proposalHandling", key, start);
      Map<String, Object> acceptance = new HashMap<>();
      acceptance.put(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT");
      acceptance.put("acceptanceReason", null);
      acceptance.put(ProposalHandlingVariables.MERGE_INTO_ID, null);
      complete(key, "reviewAcceptance", acceptance);
      Map<String, Object> assignment = new HashMap<>();
      assignment.put(ProposalHandlingVariables.ASSIGNMENT_MODE, "LEAD_CO");
      assignment.put(ProposalHandlingVariables.LEAD_DEPARTMENT, "SCJG");
      assignment.put(ProposalHandlingVariables.CO_DEPARTMENT_CODES, "");
      assignment.put(ProposalHandlingVariables.SEPARATE_DEPARTMENT_CODES, "");
      assignment.put(ProposalHandlingVariables.REQUESTED_DUE_DATE, null);
      assignment.put(ProposalHandlingVariables.KEY_ITEM, false);
      assignment.put(HandlingDeadlineVariables.COMPLEX, false);
      complete(key, "assignDepartments", assignment);
      complete(key, "signFor", Map.of(ProposalHandlingVariables.SIGN_FOR_DECISION, "ACCEPT"));
      complete(key, "draftReply", Map.of(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));
      complete(key, "reviewDraft", Map.of(DepartmentHandlingVariables.REVIEW_DECISION, "APPROVE"));
      complete(key, "signOff", Map.of(DepartmentHandlingVariables.SIGN_OFF_DECISION, "APPROVE"));
      complete(
          key,
          "giveFeedback",
          Map.of(
              DepartmentHandlingVariables.WORK_RATING,
              "SATISFIED",
              DepartmentHandlingVariables.RESULT_RATING,
              "SATISFIED"));
    }

    private void complete(String businessKey, String taskKey, Map<String, Object> vars)
        throws InterruptedException {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (true) {
        // the business key is on the proposal's instance; department tasks are in the called
        // instance, which carries the same business key
        List<Task> tasks =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey)
                .list();
        if (!tasks.isEmpty()) {
          engine.getTaskService().complete(tasks.get(0).getId(), vars);
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("never got " + taskKey + " on " + businessKey);
        }
        Thread.sleep(20);
      }
    }
  }

  private void report(Result civic, Result bare, JitWarmUp.Result warm, List<String> rounds)
      throws Exception {
    double civicCpu = (civic.cpuMs - civic.clientCpuMs) / civic.lifecycles;
    double bareCpu = bare.cpuMs / bare.lifecycles;
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    String report =
        String.format(
            """
            ## Lifecycle throughput — %d lifecycles, %d client threads (%s)

            | | lifecycles/s | SQL statements / lifecycle | CPU ms / lifecycle | database server CPU ms / lifecycle | machine busy | wall s |
            |---|---|---|---|---|---|---|
            | CivicFlow over HTTP | %.2f | %.0f | %.0f (clients' own %.0f subtracted) | %.0f | %.0f %% | %.1f |
            | bare Camunda engine, no-op delegates | %.2f | %.0f | %.0f | %.0f | %.0f %% | %.1f |

            **CivicFlow / bare engine: %.0f %%** (target ≥ 60 %%), measured in %d rounds of CivicFlow
            then the bare engine: %s. Steps per lifecycle: registration, %s;
            send and publish as jobs. Load average at the end: %s (%d cores).

            Warm-up: batches of %d lifecycles of CivicFlow, then %d of the bare engine, until the JIT
            compiled less than %.0f %% of a batch's wall time (at most %d batches): %d batches, the JIT's
            share of the last one %.1f %%. During the measured rounds the JIT compiled for %.0f ms
            (CivicFlow) and %.0f ms (bare), the collectors paused for %.0f ms and %.0f ms.
            """,
            N,
            THREADS,
            url.startsWith("jdbc:h2:") ? "H2" : "MariaDB/MySQL",
            civic.perSecond(),
            (double) civic.statements / civic.lifecycles,
            civicCpu,
            civic.clientCpuMs / civic.lifecycles,
            civic.machine.databaseMs() / civic.lifecycles,
            100 * civic.machine.busyShare(),
            civic.seconds,
            bare.perSecond(),
            (double) bare.statements / bare.lifecycles,
            bareCpu,
            bare.machine.databaseMs() / bare.lifecycles,
            100 * bare.machine.busyShare(),
            bare.seconds,
            100 * civic.perSecond() / bare.perSecond(),
            rounds.size(),
            String.join("; ", rounds),
            String.join(", ", STEPS),
            load,
            Runtime.getRuntime().availableProcessors(),
            WARMUP,
            WARMUP,
            100 * JitWarmUp.STEADY_JIT_SHARE,
            WARMUP_BATCHES,
            warm.batches(),
            100 * warm.lastBatchJitShare(),
            civic.jitMs,
            bare.jitMs,
            civic.gcMs,
            bare.gcMs);
    StringBuilder kinds =
        new StringBuilder(
            "\n### SQL statements per lifecycle by kind and table (largest first)\n\n"
                + "| statement | CivicFlow | bare engine |\n|---|---|---|\n");
    java.util.Set<String> all = new java.util.TreeSet<>(civic.bySql.keySet());
    all.addAll(bare.bySql.keySet());
    all.stream()
        .sorted(
            java.util.Comparator.comparingLong(
                    (String k) -> -civic.bySql.getOrDefault(k, 0L) - bare.bySql.getOrDefault(k, 0L))
                .thenComparing(k -> k))
        .limit(40)
        .forEach(
            k ->
                kinds.append(
                    String.format(
                        "| %s | %.1f | %.1f |%n",
                        k,
                        civic.bySql.getOrDefault(k, 0L) / (double) civic.lifecycles,
                        bare.bySql.getOrDefault(k, 0L) / (double) bare.lifecycles)));
    report = report + kinds;
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/lifecycle.md"), report);
    double ratio = 100 * civic.perSecond() / bare.perSecond();
    Files.writeString(
        Path.of("target/bench/lifecycle.row"),
        String.format(
            "| Lifecycle throughput (%d lifecycles, %d threads) | CivicFlow ≥ 60 %% of the bare engine"
                + " | %.2f vs %.2f lifecycles/s = **%.0f %%**; SQL/lifecycle %.0f vs %.0f;"
                + " CPU ms/lifecycle %.0f vs %.0f | %s | %s |%n",
            N,
            THREADS,
            civic.perSecond(),
            bare.perSecond(),
            ratio,
            (double) civic.statements / civic.lifecycles,
            (double) bare.statements / bare.lifecycles,
            civicCpu,
            bareCpu,
            ratio >= 60 ? "yes" : "no",
            load.substring(0, load.lastIndexOf(' ', load.lastIndexOf(' ') - 1))));
    System.out.println(report);
    if (CountingDataSource.DETAIL) {
      Files.writeString(
          Path.of("target/bench/lifecycle-sql.txt"),
          "CivicFlow\n" + detail(civic) + "\nbare engine\n" + detail(bare));
    }
  }

  /** Statements per lifecycle by text and thread kind, most frequent first. */
  private static String detail(Result r) {
    StringBuilder out = new StringBuilder();
    r.byText.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                out.append(
                    String.format(
                        "%7.2f  %s%n", e.getValue() / (double) r.lifecycles, e.getKey())));
    return out.toString();
  }
}
