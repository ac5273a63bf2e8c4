-- The commitments (承诺事项) a reply lists: what will be done, by when, how one will know. They
-- belong to one draft version, as its text does, so a returned version keeps the commitments it
-- was returned with; those of the signed version are the reply's promises and carry its state.
CREATE TABLE cf_commitment (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  draft_id        BIGINT        NOT NULL,
  proposal_id     BIGINT        NOT NULL,
  department_code VARCHAR(32)   NOT NULL,
  seq             INT           NOT NULL,
  text            VARCHAR(2000) NOT NULL,
  due_date        DATE          NOT NULL,
  measure         VARCHAR(1000) NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  kept_at         DATETIME      NULL,
  UNIQUE KEY uk_commitment_seq (draft_id, seq),
  CONSTRAINT fk_commitment_draft FOREIGN KEY (draft_id) REFERENCES cf_reply_draft (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_commitment_proposal ON cf_commitment (proposal_id, department_code);
CREATE INDEX ix_commitment_state ON cf_commitment (state, due_date);

-- What the department reported on a commitment (进展 / 兑现), and what became of the report.
CREATE TABLE cf_commitment_report (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  commitment_id BIGINT        NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  text          TEXT          NOT NULL,
  state         VARCHAR(16)   NOT NULL,
  reported_by   VARCHAR(64)   NOT NULL,
  reported_at   DATETIME      NOT NULL,
  CONSTRAINT fk_commitment_report FOREIGN KEY (commitment_id) REFERENCES cf_commitment (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_commitment_report ON cf_commitment_report (commitment_id, reported_at);

-- A fulfilment signed by the department's leader (补充答复): what the public reads under the original
-- reply, stored with its SHA-256 and sealed with the seal key as a reply is; one per commitment.
CREATE TABLE cf_supplementary_reply (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  commitment_id   BIGINT        NOT NULL,
  report_id       BIGINT        NOT NULL,
  publication_id  BIGINT        NOT NULL,
  proposal_id     BIGINT        NOT NULL,
  department_code VARCHAR(32)   NOT NULL,
  public_text     TEXT          NOT NULL,
  content_sha256  CHAR(64)      NOT NULL,
  seal            VARCHAR(128)  NULL,
  seal_key_id     VARCHAR(64)   NULL,
  signed_by       VARCHAR(64)   NOT NULL,
  signed_at       DATETIME      NOT NULL,
  sent_at         DATETIME      NULL,
  UNIQUE KEY uk_supplementary_commitment (commitment_id),
  CONSTRAINT fk_supplementary_commitment FOREIGN KEY (commitment_id) REFERENCES cf_commitment (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_supplementary_publication ON cf_supplementary_reply (publication_id);

-- The registrar's decision on a reply's result category once its commitments are kept (e.g. B → A):
-- recorded beside the signed reply, whose own category never changes.
CREATE TABLE cf_result_category (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  publication_id  BIGINT        NOT NULL,
  proposal_id     BIGINT        NOT NULL,
  department_code VARCHAR(32)   NOT NULL,
  from_category   VARCHAR(8)    NOT NULL,
  to_category     VARCHAR(8)    NOT NULL,
  comment         VARCHAR(4000) NULL,
  decided_by      VARCHAR(64)   NOT NULL,
  decided_at      DATETIME      NOT NULL
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_result_category ON cf_result_category (proposal_id, department_code);
CREATE INDEX ix_result_category_publication ON cf_result_category (publication_id);
