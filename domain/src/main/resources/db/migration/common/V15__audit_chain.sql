-- A tamper-evident audit log (issue 18). Each record is written with an entry seal (a MAC of its
-- columns and a random nonce, made by the application) and is later chained, in the order the
-- chainer sees records committed: chain_seq numbers the chain without gaps, link is a MAC of the
-- record, its number and the previous link. See org.civicflow.domain.audit.AuditChainer.
ALTER TABLE cf_audit_event ADD COLUMN entry_nonce BIGINT NULL;
ALTER TABLE cf_audit_event ADD COLUMN entry_seal VARCHAR(64) NULL;
ALTER TABLE cf_audit_event ADD COLUMN entry_key_id VARCHAR(16) NULL;
ALTER TABLE cf_audit_event ADD COLUMN chain_seq BIGINT NULL;
ALTER TABLE cf_audit_event ADD COLUMN link VARCHAR(64) NULL;
ALTER TABLE cf_audit_event ADD COLUMN link_key_id VARCHAR(16) NULL;
-- the chain's order: one record per place
CREATE UNIQUE INDEX ux_audit_chain_seq ON cf_audit_event (chain_seq);
-- the records still to be chained (chain_seq NULL) in id order, read without sorting: MariaDB
-- does not extend a unique index with the primary key, so the one above would sort them all
CREATE INDEX ix_audit_unchained ON cf_audit_event (chain_seq, id);
-- a copy of a sealed record (INSERT … SELECT) cannot be added: its nonce is taken
CREATE UNIQUE INDEX ux_audit_entry_nonce ON cf_audit_event (entry_nonce);
-- which keys the links use: read at start-up and by the scheduled key check
CREATE INDEX ix_audit_link_key ON cf_audit_event (link_key_id);

-- The chain's anchor, one row, sealed: where the chain starts since the last purge (start_seq, and
-- start_link, the link of the last purged record, NULL at the very start), its head (the last
-- record chained and its link) and legacy_max_id, the records written before this migration, which
-- have no entry seal and are chained as they are. Chainer and purge lock this row (FOR UPDATE):
-- one of them at a time in the whole cluster.
CREATE TABLE cf_audit_chain (
  id            INT          NOT NULL PRIMARY KEY,
  start_seq     BIGINT       NOT NULL,
  start_link    VARCHAR(64)  NULL,
  head_seq      BIGINT       NOT NULL,
  head_link     VARCHAR(64)  NULL,
  legacy_max_id BIGINT       NOT NULL,
  seal          VARCHAR(64)  NULL,
  seal_key_id   VARCHAR(16)  NULL
) DEFAULT CHARSET=utf8mb4;

INSERT INTO cf_audit_chain (id, start_seq, start_link, head_seq, head_link, legacy_max_id)
SELECT 1, 1, NULL, 0, NULL, COALESCE(MAX(id), 0) FROM cf_audit_event;

-- Every verification of the chain: daily (scheduled_on, unique: one node of the cluster runs it)
-- or asked for by an administrator (requested_by). ok is NULL while it runs.
CREATE TABLE cf_audit_verification (
  id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at         DATETIME     NOT NULL,
  finished_at        DATETIME     NULL,
  requested_by       VARCHAR(64)  NULL,
  scheduled_on       DATE         NULL,
  ok                 BOOLEAN      NULL,
  checked            BIGINT       NULL,
  broken_reason      VARCHAR(16)  NULL,
  broken_seq         BIGINT       NULL,
  broken_id          BIGINT       NULL,
  broken_occurred_at DATETIME     NULL,
  broken_action      VARCHAR(64)  NULL,
  broken_key_id      VARCHAR(16)  NULL,
  UNIQUE KEY ux_audit_verification_day (scheduled_on),
  KEY ix_audit_verification_finished (finished_at)
) DEFAULT CHARSET=utf8mb4;
