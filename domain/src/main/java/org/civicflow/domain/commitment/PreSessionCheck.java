package org.civicflow.domain.commitment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.reply.Commitment;
import org.civicflow.domain.reply.CommitmentState;
import org.civicflow.domain.setting.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-session check (会前落实情况督查): the registrar sets the next session's date and how many days
 * before it the check starts; from that day every open commitment is listed by department with the
 * report its department gives before the session.
 */
@Service
public class PreSessionCheck {

  /** The setting holding the next session's date ({@code YYYY-MM-DD}). */
  public static final String NEXT_SESSION_DATE = "nextSessionDate";

  /** The setting holding the lead time in days. */
  public static final String LEAD_DAYS = "preSessionLeadDays";

  /** The lead time when the registrar gives none. */
  public static final int DEFAULT_LEAD_DAYS = 30;

  static final int MAX_LEAD_DAYS = 365;

  private final Settings settings;
  private final PreSessionMapper mapper;
  private final CommitmentFollowUp followUp;
  private final FollowUpMapper reports;
  private final HolidayCalendar calendar;
  private final AuditLog audit;
  private final Clock clock;

  PreSessionCheck(
      Settings settings,
      PreSessionMapper mapper,
      CommitmentFollowUp followUp,
      FollowUpMapper reports,
      HolidayCalendar calendar,
      AuditLog audit,
      Clock clock) {
    this.settings = settings;
    this.mapper = mapper;
    this.followUp = followUp;
    this.reports = reports;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  /** The schedule as set, or empty when no date was ever set. */
  @Transactional(readOnly = true)
  public Optional<PreSessionSchedule> schedule() {
    Optional<String> date = settings.text(NEXT_SESSION_DATE).filter(s -> !s.isBlank());
    if (date.isEmpty()) {
      return Optional.empty();
    }
    int lead = settings.text(LEAD_DAYS).map(Integer::parseInt).orElse(DEFAULT_LEAD_DAYS);
    return Optional.of(PreSessionSchedule.of(LocalDate.parse(date.get()), lead));
  }

  /**
   * Sets the next session's date (after today, else 400 naming {@code nextSessionDate}) and the
   * lead time (1 to 365 days, default 30, else 400 naming {@code leadDays}).
   */
  @Transactional
  public PreSessionSchedule set(String nextSessionDate, Integer leadDays, String actor) {
    FieldErrors errors = new FieldErrors().required(NEXT_SESSION_DATE, nextSessionDate);
    LocalDate date = null;
    if (nextSessionDate != null && !nextSessionDate.isBlank()) {
      try {
        date = LocalDate.parse(nextSessionDate.strip());
        errors.check(
            date.isAfter(calendar.today()),
            NEXT_SESSION_DATE,
            "validation.presession.notAfterToday");
      } catch (DateTimeParseException e) {
        errors.add(NEXT_SESSION_DATE, "validation.type.date");
      }
    }
    int lead = leadDays == null ? DEFAULT_LEAD_DAYS : leadDays;
    errors.check(lead >= 1 && lead <= MAX_LEAD_DAYS, "leadDays", "validation.presession.leadDays");
    errors.throwIfAny();
    settings.setText(NEXT_SESSION_DATE, date.toString(), actor);
    settings.setText(LEAD_DAYS, String.valueOf(lead), actor);
    PreSessionSchedule schedule = PreSessionSchedule.of(date, lead);
    audit.record(
        actor, "commitment.preSessionSet", "setting", NEXT_SESSION_DATE, date + " −" + lead);
    return schedule;
  }

  /**
   * Every open commitment by department, each with the department's report given since the check
   * started (none before it starts).
   */
  @Transactional(readOnly = true)
  public List<OpenCommitment> openCommitments() {
    Instant since =
        schedule()
            .map(s -> s.checkOn().atStartOfDay(calendar.zone()).toInstant())
            .orElse(Instant.now(clock).plus(1, ChronoUnit.DAYS));
    return mapper.openCommitments(since);
  }

  /** The department's report before the session on one open commitment (never reviewed). */
  @Transactional
  public CommitmentReport report(long commitmentId, String text, String actor) {
    new FieldErrors()
        .required("text", text)
        .maxLength("text", text, CommitmentFollowUp.MAX_TEXT)
        .throwIfAny();
    Commitment c = followUp.commitment(commitmentId);
    if (c.getState() != CommitmentState.OPEN && c.getState() != CommitmentState.OVERDUE) {
      throw new ConflictException("commitment.closed", commitmentId, c.getState());
    }
    CommitmentReport r =
        new CommitmentReport(
            null,
            commitmentId,
            ReportKind.BEFORE_SESSION,
            text.strip(),
            ReportState.SUBMITTED,
            actor,
            Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    reports.insertReport(r);
    audit.record(
        actor,
        "commitment.report",
        "proposal",
        String.valueOf(c.getProposalId()),
        commitmentId + " " + ReportKind.BEFORE_SESSION);
    return r;
  }
}
