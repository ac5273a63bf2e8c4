package org.civicflow.engine.commitment;

import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.commitment.PreSessionCheck;
import org.civicflow.domain.commitment.PreSessionSchedule;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.PreSessionCheckVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets the next session's date and (re)starts its pre-session check ({@value #PROCESS}, business
 * key {@code presession:<date>}): a check waiting for an earlier date is withdrawn, in the same
 * transaction, so that only one timer waits, whichever node runs it.
 */
@Service
public class PreSessionCheckStarter {

  static final String PROCESS = "preSessionCheck";
  static final String KEY_PREFIX = "presession:";

  private final PreSessionCheck check;
  private final RuntimeService runtime;
  private final ZoneId zone;

  PreSessionCheckStarter(PreSessionCheck check, RuntimeService runtime, HolidayCalendar calendar) {
    this.check = check;
    this.runtime = runtime;
    this.zone = calendar.zone();
  }

  /** The registrar sets the next session; 400 naming the field on a bad date or lead time. */
  @Transactional
  public PreSessionSchedule schedule(String nextSessionDate, Integer leadDays, String actor) {
    PreSessionSchedule s = check.set(nextSessionDate, leadDays, actor);
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS)
        .list()
        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "next session set again"));
    runtime
        .createProcessInstanceByKey(PROCESS)
        .businessKey(KEY_PREFIX + s.nextSessionDate())
        .setVariable(PreSessionCheckVariables.NEXT_SESSION_DATE, s.nextSessionDate().toString())
        .setVariable(
            PreSessionCheckVariables.PRE_SESSION_CHECK_AT,
            ProcessVariables.morningOf(s.checkOn(), zone))
        .execute();
    return s;
  }
}
