-- CivicFlow domain schema. Runs on MySQL/MariaDB and on H2 in MySQL mode.
-- Camunda's ACT_* tables live in the same database and are managed by the engine itself.

CREATE TABLE cf_department (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
  sort_order  INT          NOT NULL DEFAULT 0,
  UNIQUE KEY uk_department_name (name)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_user (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username            VARCHAR(64)  NOT NULL,
  display_name        VARCHAR(100) NOT NULL,
  password_hash       VARCHAR(100) NOT NULL,
  department_code     VARCHAR(32)  NULL,
  delegation          VARCHAR(100) NULL,
  email               VARCHAR(200) NULL,
  phone               VARCHAR(40)  NULL,
  enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
  locked              BOOLEAN      NOT NULL DEFAULT FALSE,
  failed_logins       INT          NOT NULL DEFAULT 0,
  created_at          DATETIME     NOT NULL,
  password_changed_at DATETIME     NULL,
  version             INT          NOT NULL DEFAULT 0,
  UNIQUE KEY uk_user_username (username),
  KEY ix_user_department (department_code),
  CONSTRAINT fk_user_department FOREIGN KEY (department_code) REFERENCES cf_department (code)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_user_role (
  user_id  BIGINT      NOT NULL,
  role     VARCHAR(32) NOT NULL,
  PRIMARY KEY (user_id, role),
  KEY ix_user_role_role (role),
  CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES cf_user (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_session (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  kind       VARCHAR(16)  NOT NULL,
  opens_on   DATE         NULL,
  active     BOOLEAN      NOT NULL DEFAULT TRUE,
  UNIQUE KEY uk_session_name (name)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_proposal (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  session_id          BIGINT        NOT NULL,
  number              VARCHAR(32)   NOT NULL,
  type                VARCHAR(16)   NOT NULL,
  title               VARCHAR(300)  NOT NULL,
  content             MEDIUMTEXT    NOT NULL,
  category            VARCHAR(64)   NULL,
  proposer            VARCHAR(100)  NOT NULL,
  proposer_username   VARCHAR(64)   NULL,
  delegation          VARCHAR(100)  NULL,
  submitted_at        DATETIME      NOT NULL,
  status              VARCHAR(24)   NOT NULL,
  key_item            BOOLEAN       NOT NULL DEFAULT FALSE,
  merged_into_id      BIGINT        NULL,
  status_reason       VARCHAR(1000) NULL,
  process_instance_id VARCHAR(64)   NULL,
  registered_by       VARCHAR(64)   NOT NULL,
  registered_at       DATETIME      NOT NULL,
  updated_at          DATETIME      NOT NULL,
  version             INT           NOT NULL DEFAULT 0,
  UNIQUE KEY uk_proposal_number (session_id, number),
  KEY ix_proposal_status (status, submitted_at),
  KEY ix_proposal_proposer (proposer_username),
  KEY ix_proposal_submitted (submitted_at),
  CONSTRAINT fk_proposal_session FOREIGN KEY (session_id) REFERENCES cf_session (id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_proposal_co_signer (
  proposal_id BIGINT       NOT NULL,
  position    INT          NOT NULL,
  name        VARCHAR(100) NOT NULL,
  PRIMARY KEY (proposal_id, position),
  CONSTRAINT fk_co_signer_proposal FOREIGN KEY (proposal_id) REFERENCES cf_proposal (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_assignment (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id         BIGINT        NOT NULL,
  department_code     VARCHAR(32)   NOT NULL,
  role                VARCHAR(16)   NOT NULL,
  state               VARCHAR(24)   NOT NULL,
  stage               VARCHAR(24)   NULL,
  round               INT           NOT NULL DEFAULT 1,
  due_date            DATE          NOT NULL,
  sign_for_due_date   DATE          NOT NULL,
  assigned_at         DATETIME      NOT NULL,
  assigned_by         VARCHAR(64)   NOT NULL,
  signed_for_at       DATETIME      NULL,
  signed_for_by       VARCHAR(64)   NULL,
  reassignment_reason VARCHAR(1000) NULL,
  extension_count     INT           NOT NULL DEFAULT 0,
  overdue_since       DATE          NULL,
  completed_at        DATETIME      NULL,
  version             INT           NOT NULL DEFAULT 0,
  KEY ix_assignment_proposal (proposal_id, state),
  KEY ix_assignment_department (department_code, state, due_date),
  KEY ix_assignment_due (state, due_date),
  CONSTRAINT fk_assignment_proposal FOREIGN KEY (proposal_id) REFERENCES cf_proposal (id),
  CONSTRAINT fk_assignment_department FOREIGN KEY (department_code) REFERENCES cf_department (code)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_co_opinion (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id     BIGINT      NOT NULL,
  department_code VARCHAR(32) NOT NULL,
  opinion         MEDIUMTEXT  NULL,
  missing         BOOLEAN     NOT NULL DEFAULT FALSE,
  author          VARCHAR(64) NULL,
  submitted_at    DATETIME    NOT NULL,
  UNIQUE KEY uk_co_opinion (proposal_id, department_code),
  CONSTRAINT fk_co_opinion_proposal FOREIGN KEY (proposal_id) REFERENCES cf_proposal (id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_reply_draft (
  id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id           BIGINT        NOT NULL,
  department_code       VARCHAR(32)   NOT NULL,
  version               INT           NOT NULL,
  round                 INT           NOT NULL DEFAULT 1,
  reply_text            MEDIUMTEXT    NOT NULL,
  category              CHAR(1)       NOT NULL,
  contact_method        VARCHAR(16)   NOT NULL,
  contact_note          VARCHAR(1000) NULL,
  disclosure            VARCHAR(16)   NOT NULL,
  non_disclosure_reason VARCHAR(1000) NULL,
  state                 VARCHAR(16)   NOT NULL,
  author                VARCHAR(64)   NOT NULL,
  submitted_at          DATETIME      NOT NULL,
  UNIQUE KEY uk_reply_draft_version (proposal_id, department_code, version),
  CONSTRAINT fk_reply_draft_proposal FOREIGN KEY (proposal_id) REFERENCES cf_proposal (id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_draft_decision (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  draft_id    BIGINT        NOT NULL,
  stage       VARCHAR(16)   NOT NULL,
  -- the model's task that decided (signOff, or a further approval step an admin added)
  step        VARCHAR(64)   NOT NULL,
  decision    VARCHAR(16)   NOT NULL,
  comment     VARCHAR(4000) NULL,
  decided_by  VARCHAR(64)   NOT NULL,
  decided_at  DATETIME      NOT NULL,
  UNIQUE KEY uk_draft_decision (draft_id, stage, step),
  CONSTRAINT fk_draft_decision_draft FOREIGN KEY (draft_id) REFERENCES cf_reply_draft (id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_publication (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id       BIGINT        NOT NULL,
  department_code   VARCHAR(32)   NOT NULL,
  draft_id          BIGINT        NOT NULL,
  -- what the public page shows, as it was at sign-off; all of it is covered by the seal
  title             VARCHAR(300)  NOT NULL,
  department_name   VARCHAR(100)  NOT NULL,
  session_name      VARCHAR(100)  NOT NULL,
  proposal_number   VARCHAR(32)   NOT NULL,
  proposal_type     VARCHAR(16)   NOT NULL,
  proposer          VARCHAR(100)  NOT NULL,
  delegation        VARCHAR(100)  NULL,
  submitted_at      DATETIME      NOT NULL,
  suggestion_text   MEDIUMTEXT    NOT NULL,
  category          CHAR(1)       NOT NULL,
  signed_text       MEDIUMTEXT    NOT NULL,
  public_text       MEDIUMTEXT    NOT NULL,
  content_sha256    CHAR(64)      NOT NULL,
  seal              VARCHAR(128)  NOT NULL,
  signed_by         VARCHAR(64)   NOT NULL,
  signed_at         DATETIME      NOT NULL,
  state             VARCHAR(16)   NOT NULL,
  replied_at        DATETIME      NULL,
  published_at      DATETIME      NULL,
  published_year    INT           NULL,
  read_count        BIGINT        NOT NULL DEFAULT 0,
  withdrawn_at      DATETIME      NULL,
  withdrawn_by      VARCHAR(64)   NULL,
  withdrawal_reason VARCHAR(1000) NULL,
  version           INT           NOT NULL DEFAULT 0,
  UNIQUE KEY uk_publication_draft (draft_id),
  KEY ix_publication_proposal (proposal_id, department_code),
  KEY ix_publication_published (state, published_at, id),
  CONSTRAINT fk_publication_proposal FOREIGN KEY (proposal_id) REFERENCES cf_proposal (id),
  CONSTRAINT fk_publication_draft FOREIGN KEY (draft_id) REFERENCES cf_reply_draft (id)
) DEFAULT CHARSET=utf8mb4;

-- The public search index: each published reply gets a sequence number in publication order;
-- each search key (a character bigram of the body or the title, a Latin word, a filter value)
-- holds a compressed bitmap (RoaringBitmap, portable format) of the sequence numbers that have it.
CREATE TABLE cf_search_doc (
  doc_seq        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  publication_id BIGINT NOT NULL,
  UNIQUE KEY uk_search_doc_publication (publication_id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_search_key (
  search_key  VARCHAR(120) NOT NULL PRIMARY KEY,
  docs        MEDIUMBLOB   NOT NULL,
  cardinality INT          NOT NULL
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_integrity_failure (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  publication_id BIGINT        NOT NULL,
  detected_at    DATETIME      NOT NULL,
  detail         VARCHAR(1000) NOT NULL,
  resolved_at    DATETIME      NULL,
  resolved_by    VARCHAR(64)   NULL,
  KEY ix_integrity_open (resolved_at, detected_at),
  KEY ix_integrity_publication (publication_id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_feedback (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id     BIGINT        NOT NULL,
  department_code VARCHAR(32)   NOT NULL,
  round           INT           NOT NULL,
  work_rating     VARCHAR(24)   NULL,
  result_rating   VARCHAR(24)   NULL,
  comment         VARCHAR(4000) NULL,
  given_by        VARCHAR(64)   NULL,
  given_at        DATETIME      NOT NULL,
  UNIQUE KEY uk_feedback_round (proposal_id, department_code, round),
  CONSTRAINT fk_feedback_proposal FOREIGN KEY (proposal_id) REFERENCES cf_proposal (id)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_audit_event (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  occurred_at    DATETIME      NOT NULL,
  actor          VARCHAR(64)   NOT NULL,
  action         VARCHAR(64)   NOT NULL,
  object_type    VARCHAR(32)   NOT NULL,
  object_id      VARCHAR(64)   NULL,
  result         VARCHAR(16)   NOT NULL,
  detail         VARCHAR(4000) NULL,
  remote_address VARCHAR(64)   NULL,
  KEY ix_audit_object (object_type, object_id, occurred_at),
  KEY ix_audit_actor (actor, occurred_at),
  KEY ix_audit_time (occurred_at)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE cf_holiday (
  holiday_date DATE         NOT NULL PRIMARY KEY,
  kind         VARCHAR(16)  NOT NULL,
  name         VARCHAR(100) NOT NULL
) DEFAULT CHARSET=utf8mb4;

-- Who deployed which version of a process or decision model from the admin editor, and why.
-- (The models themselves live in Camunda's repository; built-in deployments have no row here.)
CREATE TABLE cf_model_deployment (
  deployment_id VARCHAR(64)   NOT NULL PRIMARY KEY,
  model_key     VARCHAR(64)   NOT NULL,
  kind          VARCHAR(8)    NOT NULL,
  definition_id VARCHAR(64)   NOT NULL,
  version       INT           NOT NULL,
  comment       VARCHAR(1000) NULL,
  deployed_by   VARCHAR(64)   NOT NULL,
  deployed_at   DATETIME      NOT NULL,
  KEY ix_model_deployment_key (model_key, version)
) DEFAULT CHARSET=utf8mb4;

-- Notices to people (催办, 逾期督办, reply sent). One per occurrence and person: a retried job or a
-- timer that fires on two nodes never tells anyone twice.
CREATE TABLE cf_notification (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  recipient       VARCHAR(64)   NOT NULL,
  occurrence      VARCHAR(200)  NOT NULL,
  kind            VARCHAR(32)   NOT NULL,
  proposal_id     BIGINT        NOT NULL,
  proposal_number VARCHAR(32)   NULL,
  title           VARCHAR(300)  NULL,
  department_code VARCHAR(32)   NULL,
  due_date        DATE          NULL,
  created_at      DATETIME      NOT NULL,
  read_at         DATETIME      NULL,
  UNIQUE KEY uk_notification_once (occurrence, recipient),
  KEY ix_notification_recipient (recipient, read_at, created_at)
) DEFAULT CHARSET=utf8mb4;

-- E-mails and SMS carrying the notices, written in the same transaction and sent afterwards by any
-- node (claimed with a lease, retried with back-off).
CREATE TABLE cf_outbox (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  notification_id BIGINT        NOT NULL,
  channel         VARCHAR(8)    NOT NULL,
  address         VARCHAR(200)  NOT NULL,
  subject         VARCHAR(300)  NOT NULL,
  body            VARCHAR(4000) NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at DATETIME      NOT NULL,
  claimed_by      VARCHAR(64)   NULL,
  claimed_until   DATETIME      NULL,
  sent_at         DATETIME      NULL,
  last_error      VARCHAR(1000) NULL,
  UNIQUE KEY uk_outbox_once (notification_id, channel),
  KEY ix_outbox_due (status, next_attempt_at),
  CONSTRAINT fk_outbox_notification FOREIGN KEY (notification_id) REFERENCES cf_notification (id)
) DEFAULT CHARSET=utf8mb4;
