-- A session's signed reply letters downloaded as one ZIP (issue 19, item 5). Runs on MySQL/MariaDB
-- and on H2 in MySQL mode.

-- One download job: started by a registrar for a session (and optionally one department), run by
-- one node at a time (claimed, with a heartbeat so that another node resumes it when the runner
-- died), then DONE. The ZIP itself is never stored: any node streams it from the stored letters
-- (cf_reply_letter). The job is removed once it expires.
CREATE TABLE cf_letter_archive (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  session_id      BIGINT       NOT NULL,
  department_code VARCHAR(32)  NULL,
  status          VARCHAR(16)  NOT NULL,
  total           INT          NOT NULL DEFAULT 0,
  done            INT          NOT NULL DEFAULT 0,
  failed          INT          NOT NULL DEFAULT 0,
  created_by      VARCHAR(64)  NOT NULL,
  created_at      DATETIME     NOT NULL,
  started_at      DATETIME     NULL,
  finished_at     DATETIME     NULL,
  expires_at      DATETIME     NOT NULL,
  owner           VARCHAR(64)  NULL,
  heartbeat_at    DATETIME     NULL,
  KEY ix_letter_archive_status (status, id),
  KEY ix_letter_archive_expires (expires_at)
) DEFAULT CHARSET=utf8mb4;

-- The signed replies a job covers, fixed when it starts: PENDING until its letter is stored (made
-- now, or issued before), then DONE, or FAILED with the reason (no signing key, a broken seal).
CREATE TABLE cf_letter_archive_item (
  archive_id      BIGINT       NOT NULL,
  publication_id  BIGINT       NOT NULL,
  proposal_id     BIGINT       NOT NULL,
  department_code VARCHAR(32)  NOT NULL,
  state           VARCHAR(16)  NOT NULL,
  failure         VARCHAR(100) NULL,
  PRIMARY KEY (archive_id, publication_id),
  KEY ix_letter_archive_item_state (archive_id, state),
  CONSTRAINT fk_letter_archive_item FOREIGN KEY (archive_id) REFERENCES cf_letter_archive (id)
    ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4;
