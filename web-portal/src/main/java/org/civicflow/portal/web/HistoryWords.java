package org.civicflow.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The details of the handling record in plain words: the audit log keeps what the engine wrote
 * ({@code LEAD_CO [GAJ:LEAD, SCJG:CO] due 2027-03-08}, {@code SCJG v1 A PUBLIC}, {@code
 * reviewAcceptance SCJG}); a page shows "主办 公安局，协办 市场监督管理局，答复期限 2027年3月8日", "市场监督管理局 第1稿（A类，公开）",
 * "立案审查（市场监督管理局）". Words come from the message bundles; department codes become names, task keys
 * and decisions their labels. A detail of an unknown shape keeps its free text with every code in
 * it translated.
 */
@Component("words")
public class HistoryWords {

  private static final Pattern ASSIGN =
      Pattern.compile("(\\w+) \\[(.*)] due (\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern DRAFT = Pattern.compile("(\\w+) v(\\d+) ([A-Z]) ([A-Z_]+)");
  private static final Pattern VERDICT =
      Pattern.compile("(\\w+)(?: v(\\d+))? ([A-Z_]+)(?: → (\\S+))?(?:: (.*))?", Pattern.DOTALL);
  private static final Pattern FEEDBACK =
      Pattern.compile("(\\w+) round (\\d+)(?: ([A-Z_]+)/([A-Z_]+|null))?");
  private static final Pattern TOKEN =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*|\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MIGRATION = Pattern.compile("(\\w+) v(\\d+) → v(\\d+)");

  private final MessageSource messages;
  private final PortalFormat fmt;

  HistoryWords(MessageSource messages, PortalFormat fmt) {
    this.messages = messages;
    this.fmt = fmt;
  }

  /** The detail of an audit record of {@code action}, in the reader's language. */
  public String detail(String action, String detail) {
    if (detail == null || detail.isBlank()) {
      return "";
    }
    String plain =
        switch (action) {
          case "assignment.assign" -> assignment(detail);
          case "draft.submit" -> draft(detail);
          case "task.complete", "task.claim", "task.unclaim" -> task(detail);
          case "draft.review" -> verdict("review", detail);
          case "draft.signOff" -> verdict("signOff", detail);
          case "assignment.decideExtension" -> verdict("decideExtension", detail);
          case "assignment.decideReassignment" -> verdict("decideReassignment", detail);
          case "reply.disclosureDecision" -> verdict("confirmNonDisclosure", detail);
          case "feedback.give", "feedback.none" -> feedback(detail);
          case "reply.sign" -> words(detail.replaceFirst(" sha256 \\S+$", ""));
          case "proposal.merge" -> msg("words.merged");
          case "model.migrate" -> migration(detail);
          default -> null;
        };
    return plain != null ? plain : words(detail);
  }

  /**
   * "LEAD_CO [GAJ:LEAD, SCJG:CO] due 2027-03-08": lead and co-handling departments, the due date.
   */
  private String assignment(String detail) {
    Matcher m = ASSIGN.matcher(detail);
    if (!m.matches()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String role : List.of("LEAD", "CO", "SEPARATE")) {
      List<String> names = new ArrayList<>();
      for (String pair : m.group(2).split(",\\s*")) {
        String[] codeAndRole = pair.split(":");
        if (codeAndRole.length == 2 && codeAndRole[1].equals(role)) {
          names.add(fmt.department(codeAndRole[0]));
        }
      }
      if (!names.isEmpty()) {
        parts.add(msg("assignmentRole." + role) + " " + String.join(msg("words.and"), names));
      }
    }
    parts.add(msg("words.due", date(m.group(3))));
    return String.join(msg("words.comma"), parts);
  }

  /** "SCJG v1 A PUBLIC": the department's draft, its category and disclosure. */
  private String draft(String detail) {
    Matcher m = DRAFT.matcher(detail);
    if (!m.matches()) {
      return null;
    }
    return msg(
        "words.draftFacts",
        fmt.department(m.group(1)),
        m.group(2),
        msg("words.category." + m.group(3)),
        msg("choice.disclosure." + m.group(4)));
  }

  /** "reviewAcceptance SCJG": the step's name and the department. */
  private String task(String detail) {
    String[] parts = detail.split(" ", 2);
    String step = msg("task." + parts[0]);
    return parts.length == 1 ? step : msg("words.stepOf", step, fmt.department(parts[1]));
  }

  /** "SCJG v2 RETURN: 请补充" or "SCJG APPROVE → 2027-04-08: 同意": who decided what, and why. */
  private String verdict(String choices, String detail) {
    Matcher m = VERDICT.matcher(detail);
    if (!m.matches()) {
      return null;
    }
    StringBuilder s = new StringBuilder(fmt.department(m.group(1)));
    if (m.group(2) != null) {
      s.append(' ').append(msg("words.version", m.group(2)));
    }
    String choice =
        messages.getMessage("choice." + choices + "." + m.group(3), null, null, locale());
    s.append(' ').append(choice != null ? choice : term(m.group(3)));
    if (m.group(4) != null) {
      s.append(msg("words.comma")).append(msg("words.newDue", date(m.group(4))));
    }
    if (m.group(5) != null) {
      s.append(msg("words.colon")).append(m.group(5));
    }
    return s.toString();
  }

  /** "SCJG round 1 SATISFIED/UNSATISFIED": the round and both ratings. */
  private String feedback(String detail) {
    Matcher m = FEEDBACK.matcher(detail);
    if (!m.matches()) {
      return null;
    }
    String round = fmt.department(m.group(1)) + " " + msg("words.round", m.group(2));
    if (m.group(3) == null || "null".equals(m.group(4))) {
      return round;
    }
    return msg(
        "words.ratings",
        round,
        msg("choice.rating." + m.group(3)),
        msg("choice.rating." + m.group(4)));
  }

  /** "departmentHandling v1 → v2": the process by its name, from which version to which. */
  private String migration(String detail) {
    Matcher m = MIGRATION.matcher(detail);
    if (!m.matches()) {
      return null;
    }
    String model = messages.getMessage("words.model." + m.group(1), null, null, locale());
    return msg(
        "words.migrated", model != null ? model : msg("words.model"), m.group(2), m.group(3));
  }

  /**
   * Free text with codes in it: department codes become names, task keys and known words their
   * labels ({@code words.term.*}), dates the reader's form, "v2" the draft's number; people's own
   * words stay as they are.
   */
  public String words(String detail) {
    Matcher m = TOKEN.matcher(detail);
    StringBuilder s = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(s, Matcher.quoteReplacement(term(m.group())));
    }
    m.appendTail(s);
    return s.toString();
  }

  private String term(String token) {
    if (DATE.matcher(token).matches()) {
      return date(token);
    }
    if (token.matches("v\\d+")) {
      return msg("words.version", token.substring(1));
    }
    String department = fmt.department(token);
    if (!department.equals(token)) {
      return department;
    }
    String known = messages.getMessage("words.term." + token, null, null, locale());
    if (known != null) {
      return known;
    }
    for (String kind : List.of("role.", "status.")) {
      String label = messages.getMessage(kind + token, null, null, locale());
      if (label != null && Character.isUpperCase(token.charAt(0))) {
        return label;
      }
    }
    String step = messages.getMessage("task." + token, null, null, locale());
    return step != null && Character.isLowerCase(token.charAt(0)) ? step : token;
  }

  private String date(String iso) {
    return locale().getLanguage().equals("en") ? iso : fmt.chineseDate(iso);
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
