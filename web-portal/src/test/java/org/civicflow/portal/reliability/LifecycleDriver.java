package org.civicflow.portal.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.civicflow.portal.reliability.ActionLog.Action;
import org.civicflow.portal.reliability.ActionLog.Outcome;
import org.civicflow.portal.reliability.Api.Answer;
import org.civicflow.portal.reliability.Api.NoAnswer;

/**
 * Takes proposals through their handling over the HTTP API, one request at a time, as the people
 * would: it reads the proposal's open tasks, completes each as the user whose turn it is, and reads
 * again — so after a crash it simply continues where the process is. Every request goes into the
 * {@link ActionLog}; decisions (return a draft, rate unsatisfied) follow from what is stored, so a
 * repeated step decides the same way.
 */
final class LifecycleDriver {

  static final String SESSION = "市九届人大一次会议";
  static final List<String> DEPARTMENTS = List.of("SCJG", "SWJ", "WXB", "GAJ", "JYJ");
  static final Set<String> FINAL = Set.of("CLOSED", "REFUSED", "MERGED", "WITHDRAWN");

  /**
   * What happens to one proposal.
   *
   * @param co a co-handling department, or null
   * @param race each completion is sent to two nodes at the same moment (one must win)
   */
  record Plan(
      String number,
      String lead,
      String co,
      boolean refuse,
      boolean withdraw,
      boolean returnAtReview,
      boolean returnAtSignOff,
      boolean unsatisfied,
      boolean notPublic,
      boolean race) {

    static Plan random(Random r, String number, boolean races) {
      String lead = DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
      String co = null;
      if (r.nextBoolean()) {
        List<String> others = new ArrayList<>(DEPARTMENTS);
        others.remove(lead);
        co = others.get(r.nextInt(others.size()));
      }
      int fate = r.nextInt(10);
      return new Plan(
          number,
          lead,
          co,
          fate == 0,
          fate == 1,
          r.nextInt(10) < 3,
          r.nextInt(10) < 2,
          r.nextInt(10) < 3,
          r.nextInt(10) < 1,
          races && r.nextInt(10) < 3);
    }
  }

  private final Api api;
  private final ActionLog log;
  private final Duration stallLimit;
  private final ConcurrentLinkedQueue<String> raceViolations = new ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger races =
      new java.util.concurrent.atomic.AtomicInteger();

  LifecycleDriver(Api api, ActionLog log, Duration stallLimit) {
    this.api = api;
    this.log = log;
    this.stallLimit = stallLimit;
  }

  /** How many requests were sent to two nodes at once. */
  int races() {
    return races.get();
  }

  /** Races in which both nodes said they completed the same task (must stay empty). */
  List<String> raceViolations() {
    return List.copyOf(raceViolations);
  }

  /** Drives the proposal to a final status; returns its id. */
  long drive(Plan plan) {
    long id = register(plan);
    String lastState = "";
    long lastProgress = System.nanoTime();
    int readsWithoutProgress = 0;
    while (true) {
      JsonNode detail = read(id);
      String status = detail.path("status").asText();
      JsonNode tasks = detail.path("activeTasks");
      String state = status + " " + keysAndIds(tasks);
      if (!state.equals(lastState)) {
        lastState = state;
        lastProgress = System.nanoTime();
        readsWithoutProgress = 0;
      } else if (++readsWithoutProgress >= 30
          && System.nanoTime() - lastProgress > stallLimit.toNanos()) {
        // stuck while the application answered all along (not merely down between kills)
        throw new AssertionError(
            "proposal "
                + id
                + " ("
                + plan
                + ") makes no progress: "
                + state
                + " for "
                + stallLimit
                + "; its last requests: "
                + lastActions(id));
      }
      if (FINAL.contains(status) && tasks.isEmpty()) {
        return id;
      }
      if (plan.withdraw() && "HANDLING".equals(status)) {
        request(
            id,
            "withdraw",
            null,
            null,
            "deputy.jinmiao",
            "/api/v1/proposals/" + id + "/withdraw",
            Map.of("reason", "已通过其他渠道解决"),
            false);
        continue;
      }
      if (tasks.isEmpty()) {
        AppProcess.sleep(300); // a job is due (sending, publishing): the job executor runs it
        continue;
      }
      for (JsonNode task : tasks) {
        String key = task.path("key").asText();
        String taskId = task.path("id").asText();
        request(
            id,
            "complete",
            taskId,
            key,
            userFor(key, task.path("department").asText(null)),
            "/api/v1/tasks/" + taskId + "/complete",
            body(key, detail, plan),
            plan.race());
      }
    }
  }

  private long register(Plan plan) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", SESSION);
    body.put("number", plan.number());
    body.put("type", "SUGGESTION");
    body.put("title", "关于" + plan.number() + "号事项加强监督管理的建议");
    body.put("content", "一些主播虚假宣传、售卖假冒伪劣商品、售后服务不到位。建议提高准入门槛,加强直播广告和售后服务监管。");
    body.put("category", "市场监管");
    body.put("proposer", "金淼");
    body.put("proposerUsername", "deputy.jinmiao");
    body.put("delegation", "昌图县");
    body.put("submittedAt", "2021-12-29");
    while (true) {
      try {
        Answer a = api.post("registrar", "/api/v1/proposals", body);
        if (a.status() == 201) {
          long id = a.body().path("id").asLong();
          log.record(
              new Action(
                  id,
                  "register",
                  null,
                  plan.number(),
                  "registrar",
                  a.node(),
                  Outcome.ACKNOWLEDGED,
                  201));
          return id;
        }
        if (a.status() == 409) {
          // an earlier attempt without an answer did register it
          Long id = lookup(plan.number());
          if (id != null) {
            log.record(
                new Action(
                    id,
                    "register",
                    null,
                    plan.number(),
                    "registrar",
                    a.node(),
                    Outcome.REFUSED,
                    409));
            return id;
          }
        }
        throw new AssertionError("registering " + plan.number() + ": " + a);
      } catch (NoAnswer e) {
        log.record(
            new Action(0, "register", null, plan.number(), "registrar", null, Outcome.UNKNOWN, 0));
        AppProcess.sleep(500);
      }
    }
  }

  private Long lookup(String number) {
    Answer a =
        api.get(
            "registrar",
            "/api/v1/proposals?size=50&q=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
    for (JsonNode item : a.body().path("items")) {
      if (number.equals(item.path("number").asText())) {
        return item.path("id").asLong();
      }
    }
    return null;
  }

  private JsonNode read(long id) {
    while (true) {
      try {
        Answer a = api.get("registrar", "/api/v1/proposals/" + id);
        if (a.status() == 200) {
          return a.body();
        }
        if (a.status() >= 500) {
          AppProcess.sleep(500);
          continue;
        }
        throw new AssertionError("reading proposal " + id + ": " + a);
      } catch (NoAnswer e) {
        AppProcess.sleep(500);
      }
    }
  }

  private void request(
      long id,
      String kind,
      String taskId,
      String key,
      String user,
      String path,
      Object body,
      boolean race) {
    if (race && api.nodes().size() > 1) {
      race(id, kind, taskId, key, user, path, body);
      return;
    }
    try {
      Answer a = api.post(user, path, body);
      note(id, kind, taskId, key, user, a);
    } catch (NoAnswer e) {
      log.record(new Action(id, kind, taskId, key, user, null, Outcome.UNKNOWN, 0));
      AppProcess.sleep(500);
    }
  }

  /** The same request to two nodes at once: at most one may say it did it. */
  private void race(
      long id, String kind, String taskId, String key, String user, String path, Object body) {
    races.incrementAndGet();
    List<AppProcess> nodes = api.nodes();
    List<CompletableFuture<Answer>> sent = new ArrayList<>();
    for (AppProcess node : nodes.subList(0, 2)) {
      sent.add(CompletableFuture.supplyAsync(() -> api.send(node, user, "POST", path, body)));
    }
    int acknowledged = 0;
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Answer> f : sent) {
      try {
        Answer a = f.join();
        note(id, kind, taskId, key, user, a);
        statuses.add(a.status());
        acknowledged += a.ok() ? 1 : 0;
      } catch (java.util.concurrent.CompletionException e) {
        log.record(new Action(id, kind, taskId, key, user, null, Outcome.UNKNOWN, 0));
      }
    }
    if (acknowledged > 1) {
      raceViolations.add(key + " " + taskId + " of proposal " + id + ": " + statuses);
    }
  }

  private void note(long id, String kind, String taskId, String key, String user, Answer a) {
    if (a.ok()) {
      log.record(
          new Action(id, kind, taskId, key, user, a.node(), Outcome.ACKNOWLEDGED, a.status()));
    } else if (a.status() == 404 || a.status() == 409) {
      // completed meanwhile (by an earlier attempt without an answer, or the other node)
      log.record(new Action(id, kind, taskId, key, user, a.node(), Outcome.REFUSED, a.status()));
    } else if (a.status() >= 500) {
      log.record(new Action(id, kind, taskId, key, user, a.node(), Outcome.UNKNOWN, a.status()));
    } else {
      throw new AssertionError(kind + " " + key + " on proposal " + id + " as " + user + ": " + a);
    }
  }

  private List<Action> lastActions(long id) {
    List<Action> mine = log.all().stream().filter(a -> a.proposalId() == id).toList();
    return mine.subList(Math.max(0, mine.size() - 5), mine.size());
  }

  private static String keysAndIds(JsonNode tasks) {
    List<String> out = new ArrayList<>();
    tasks.forEach(t -> out.add(t.path("key").asText() + ":" + t.path("id").asText()));
    return out.toString();
  }

  static String userFor(String key, String department) {
    String dept = department == null ? "" : department.toLowerCase(Locale.ROOT);
    return switch (key) {
      case "signFor", "coHandlingOpinion", "draftReply" -> dept + ".handler";
      case "reviewDraft" -> dept + ".reviewer";
      case "signOff" -> dept + ".leader";
      case "giveFeedback" -> "deputy.jinmiao";
      default -> "registrar";
    };
  }

  static Map<String, Object> body(String key, JsonNode detail, Plan plan) {
    return switch (key) {
      case "reviewAcceptance" ->
          plan.refuse()
              ? Map.of("decision", "REFUSE", "reason", "属于个人事务")
              : Map.of("decision", "ACCEPT");
      case "assignDepartments" ->
          Map.of(
              "mode",
              "LEAD_CO",
              "lead",
              plan.lead(),
              "co",
              plan.co() == null ? List.of() : List.of(plan.co()));
      case "signFor" -> Map.of("decision", "ACCEPT");
      case "coHandlingOpinion" -> Map.of("opinion", "本单位配合开展联合检查,意见如下。");
      case "draftReply" -> draft(plan);
      case "reviewDraft" -> verdict(detail, "REVIEW", plan.returnAtReview(), "请补充监测情况");
      case "signOff" -> verdict(detail, "SIGN_OFF", plan.returnAtSignOff(), "请核实数据");
      case "confirmNonDisclosure" -> Map.of("decision", "CONFIRM", "comment", "理由成立");
      case "giveFeedback" ->
          Map.of(
              "workRating", "SATISFIED",
              "resultRating",
                  plan.unsatisfied() && detail.path("feedback").isEmpty()
                      ? "UNSATISFIED"
                      : "SATISFIED",
              "comment", "评价");
      case "superviseOverdue" -> Map.of("comment", "已督办");
      default -> Map.of("decision", "REFUSE", "comment", "不同意");
    };
  }

  private static Map<String, Object> draft(Plan plan) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("replyText", "金淼代表:您提出的第" + plan.number() + "号建议收悉。我局开展了联合监管,检查主播账号300余个。");
    // A (solved): the suites drive the handling to its end; a B reply's commitments would keep a
    // follow-up running for years (PromisesLifecycleIT drives those)
    d.put("category", "A");
    d.put("contactMethod", "PHONE");
    d.put("contactNote", "电话沟通");
    d.put("disclosure", plan.notPublic() ? "NOT_PUBLIC" : "PUBLIC");
    if (plan.notPublic()) {
      d.put("nonDisclosureReason", "涉及个人信息");
    }
    return d;
  }

  /** Returns once at this stage when the plan says so; approves otherwise. */
  private static Map<String, Object> verdict(
      JsonNode detail, String stage, boolean returnOnce, String comment) {
    boolean returnedBefore = false;
    for (JsonNode draft : detail.path("drafts")) {
      for (JsonNode d : draft.path("decisions")) {
        returnedBefore |=
            stage.equals(d.path("stage").asText()) && "RETURN".equals(d.path("decision").asText());
      }
    }
    return returnOnce && !returnedBefore
        ? Map.of("decision", "RETURN", "comment", comment)
        : Map.of("decision", "APPROVE", "comment", "同意");
  }
}
