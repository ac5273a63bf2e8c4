package org.civicflow.engine.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's tables for the inbox query ({@code InboxMapper.xml}, docs/performance.md
 * "Inboxes at 100,000"): Camunda creates and upgrades its ACT_* tables itself, so these cannot be a
 * Flyway migration (Flyway may run before the engine has created its tables, or after). They are
 * created once the engine's schema exists — after every engine build, on a fresh or an existing
 * database, H2 or MariaDB — when missing; a concurrent start of another node that creates the same
 * index first is tolerated.
 */
@Component
class InboxIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(InboxIndexes.class);

  record Index(String name, String table, String columns) {}

  /** The indexes the inbox statements name in their MariaDB hints; keep in step with the mapper. */
  static final List<Index> INDEXES =
      List.of(
          // a group's (or a user's) candidate tasks, read from the index alone
          new Index("CF_IDX_IDLNK_GROUP_TASK", "ACT_RU_IDENTITYLINK", "GROUP_ID_, TYPE_, TASK_ID_"),
          new Index("CF_IDX_IDLNK_USER_TASK", "ACT_RU_IDENTITYLINK", "USER_ID_, TYPE_, TASK_ID_"),
          // is this task a candidate of the caller; the department candidate group of a task
          new Index(
              "CF_IDX_IDLNK_TASK_GROUP",
              "ACT_RU_IDENTITYLINK",
              "TASK_ID_, TYPE_, GROUP_ID_, USER_ID_"),
          // the inbox order (due date, nulls after, then created, id) straight from the index
          new Index("CF_IDX_TASK_DUE_ORDER", "ACT_RU_TASK", "DUE_DATE_, CREATE_TIME_, ID_"),
          // what the inbox totals read of a task, without the wide table rows
          new Index(
              "CF_IDX_TASK_INBOX",
              "ACT_RU_TASK",
              "ID_, ASSIGNEE_, DUE_DATE_, PROC_INST_ID_, TASK_DEF_KEY_"),
          // what the totals read of a task when no filter needs more: narrower, so faster to probe
          new Index("CF_IDX_TASK_TOTALS", "ACT_RU_TASK", "ID_, ASSIGNEE_, DUE_DATE_"),
          // a process instance's business key (the proposal id), likewise
          new Index("CF_IDX_EXEC_BUSKEY", "ACT_RU_EXECUTION", "ID_, BUSINESS_KEY_"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection c = dataSource.getConnection()) {
      for (Index index : INDEXES) {
        if (exists(c, index)) {
          continue;
        }
        try (Statement s = c.createStatement()) {
          s.execute(
              "CREATE INDEX "
                  + index.name()
                  + " ON "
                  + index.table()
                  + " ("
                  + index.columns()
                  + ")");
          log.info("Created index {} on {}", index.name(), index.table());
        } catch (SQLException e) {
          // another node may have created it in the meantime
          if (!exists(c, index)) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the inbox indexes on Camunda's tables", e);
    }
  }

  private static boolean exists(Connection c, Index index) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String table : List.of(index.table(), index.table().toLowerCase())) {
      try (ResultSet rs = md.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, true)) {
        while (rs.next()) {
          if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
