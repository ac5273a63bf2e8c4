-- The year's handling summary of a session (办理工作总体情况): its figures frozen as JSON when the
-- registrar generates it. A session has at most one draft (regenerating replaces it); publishing
-- seals the record with the seal key, as a reply is sealed, and it is never changed afterwards.
CREATE TABLE cf_handling_summary (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  session_id      BIGINT        NOT NULL,
  session_name    VARCHAR(100)  NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  figures         MEDIUMTEXT    NOT NULL,
  figures_sha256  CHAR(64)      NOT NULL,
  generated_by    VARCHAR(64)   NOT NULL,
  generated_at    DATETIME      NOT NULL,
  published_by    VARCHAR(64)   NULL,
  published_at    DATETIME      NULL,
  seal            VARCHAR(128)  NULL,
  seal_key_id     VARCHAR(64)   NULL,
  version         INT           NOT NULL DEFAULT 0,
  CONSTRAINT fk_handling_summary_session FOREIGN KEY (session_id) REFERENCES cf_session (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_handling_summary_session ON cf_handling_summary (session_id, state, id);
CREATE INDEX ix_handling_summary_published ON cf_handling_summary (state, published_at, id);
