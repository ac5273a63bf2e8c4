-- Bulk import of proposals from spreadsheets, and the delegations (代表团 / 界别) an import checks.
-- Runs on MySQL/MariaDB and on H2 in MySQL mode.

-- The delegations of a congress (NPC: 代表团) or the sectors of a CPPCC (界别) known to CivicFlow.
CREATE TABLE cf_delegation (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind       VARCHAR(16)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  created_at DATETIME     NOT NULL,
  UNIQUE KEY uk_delegation (kind, name)
) DEFAULT CHARSET=utf8mb4;

-- One uploaded spreadsheet: previewed, then queued, run by one node at a time (claimed, with a
-- heartbeat so that another node resumes it when the runner died), then DONE or FAILED.
CREATE TABLE cf_import_job (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status          VARCHAR(16)   NOT NULL,
  file_name       VARCHAR(255)  NOT NULL,
  file_hash       CHAR(64)      NOT NULL,
  file_format     VARCHAR(8)    NOT NULL,
  default_session VARCHAR(100)  NULL,
  total           INT           NOT NULL DEFAULT 0,
  done            INT           NOT NULL DEFAULT 0,
  imported        INT           NOT NULL DEFAULT 0,
  skipped         INT           NOT NULL DEFAULT 0,
  failed          INT           NOT NULL DEFAULT 0,
  failure         VARCHAR(200)  NULL,
  created_by      VARCHAR(64)   NOT NULL,
  created_at      DATETIME      NOT NULL,
  started_at      DATETIME      NULL,
  finished_at     DATETIME      NULL,
  owner           VARCHAR(64)   NULL,
  heartbeat_at    DATETIME      NULL,
  version         INT           NOT NULL DEFAULT 0,
  KEY ix_import_job_status (status, created_at),
  KEY ix_import_job_hash (file_hash, status)
) DEFAULT CHARSET=utf8mb4;

-- The uploaded file itself, so that any node can run or resume the job; removed when it ends.
CREATE TABLE cf_import_file (
  job_id  BIGINT     NOT NULL PRIMARY KEY,
  content MEDIUMBLOB NOT NULL,
  CONSTRAINT fk_import_file_job FOREIGN KEY (job_id) REFERENCES cf_import_job (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4;

-- The rows an import did not register: failed (invalid) or skipped (already registered).
CREATE TABLE cf_import_row_error (
  job_id      BIGINT       NOT NULL,
  row_no      INT          NOT NULL,
  position    INT          NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  field       VARCHAR(32)  NULL,
  message_key VARCHAR(100) NOT NULL,
  argument    VARCHAR(200) NULL,
  PRIMARY KEY (job_id, row_no, position),
  CONSTRAINT fk_import_row_error_job FOREIGN KEY (job_id) REFERENCES cf_import_job (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4;
