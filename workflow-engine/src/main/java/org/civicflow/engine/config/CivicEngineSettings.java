package org.civicflow.engine.config;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine settings that are part of CivicFlow's design rather than of a deployment, so they hold in
 * the application and in every test alike. Tunables (history level, job executor size) stay in
 * {@code application.yml}.
 */
@Component
class CivicEngineSettings extends AbstractProcessEnginePlugin {

  private final String cleanupWindowStart;
  private final String cleanupWindowEnd;

  CivicEngineSettings(
      @Value("${civicflow.history-cleanup.window-start:01:00}") String cleanupWindowStart,
      @Value("${civicflow.history-cleanup.window-end:05:00}") String cleanupWindowEnd) {
    this.cleanupWindowStart = cleanupWindowStart;
    this.cleanupWindowEnd = cleanupWindowEnd;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl c) {
    // We model with BPMN only; without CMMN and standalone tasks the task queries are simpler.
    c.setCmmnEnabled(false);
    c.setStandaloneTasksEnabled(false);
    // Security: no expressions smuggled in through queries (advisories after 7.24 are unfixed
    // in the community edition), no Java-serialized variables, authorization checks on.
    c.setEnableExpressionsInAdhocQueries(false);
    c.setEnableExpressionsInStoredQueries(false);
    c.setJavaSerializationFormatEnabled(false);
    c.setAuthorizationEnabled(true);
    // CivicFlow grants, never revokes (no Cockpit or Admin to create a REVOKE): the engine need
    // not ask before every command whether revocations exist ("auto" costs a query per command).
    c.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
    // Candidates may work on a task (claim, complete), not edit its properties.
    c.setDefaultUserPermissionNameForTask("TASK_WORK");
    // No per-assignment "unique task worker" rows (ACT_RU_TASK_METER_LOG): they feed licence
    // reports of the enterprise edition's Cockpit, which CivicFlow does not have.
    c.setTaskMetricsEnabled(false);
    // Fewer round trips: inserts and updates of one command go to the database in batches.
    c.setJdbcBatchProcessing(true);
    // Audit records live at least 180 days (every model carries historyTimeToLive); the cleanup
    // runs at night and removes what is older.
    c.setEnforceHistoryTimeToLive(true);
    c.setHistoryCleanupStrategy(
        ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    c.setHistoryRemovalTimeStrategy(
        ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
    c.setHistoryCleanupBatchWindowStartTime(cleanupWindowStart);
    c.setHistoryCleanupBatchWindowEndTime(cleanupWindowEnd);
  }
}
