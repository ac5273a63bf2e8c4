-- The seal covers the publication, not just its text (issue 18): which signed version it is, the
-- signed disclosure decision, and its state, each state change sealed with who made it. Seals name
-- the key that made them, so that keys can be rotated and a node can tell a key it does not hold
-- from a changed record. Rows signed before this have no key id: they verify with the old formula.
ALTER TABLE cf_publication ADD COLUMN draft_version INT NULL;
ALTER TABLE cf_publication ADD COLUMN disclosure VARCHAR(16) NULL;
ALTER TABLE cf_publication ADD COLUMN non_disclosure_reason VARCHAR(1000) NULL;
ALTER TABLE cf_publication ADD COLUMN seal_key_id VARCHAR(16) NULL;
ALTER TABLE cf_publication ADD COLUMN state_seal VARCHAR(64) NULL;
ALTER TABLE cf_publication ADD COLUMN state_seal_key_id VARCHAR(16) NULL;
ALTER TABLE cf_publication ADD COLUMN state_changed_by VARCHAR(64) NULL;
ALTER TABLE cf_publication ADD COLUMN state_changed_at DATETIME NULL;
ALTER TABLE cf_publication ADD COLUMN disclosure_released_by VARCHAR(64) NULL;
-- which keys the stored seals use: read at start-up and by the scheduled check
CREATE INDEX ix_publication_seal_key ON cf_publication (seal_key_id);
CREATE INDEX ix_publication_state_seal_key ON cf_publication (state_seal_key_id);
