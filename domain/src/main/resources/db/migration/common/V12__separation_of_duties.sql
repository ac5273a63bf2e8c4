-- Settings an administrator changes at run time, shared by every node through the database (the
-- only thing the nodes share). One row per setting; each change is also in the audit log.
CREATE TABLE cf_setting (
  name          VARCHAR(64)  NOT NULL PRIMARY KEY,
  setting_value VARCHAR(200) NOT NULL,
  updated_at    DATETIME     NULL,
  updated_by    VARCHAR(64)  NULL
) DEFAULT CHARSET=utf8mb4;

-- Separation of duties (the author of a draft version neither reviews nor signs it off, its
-- reviewer does not sign it off, nobody approves one version twice) is on unless switched off.
INSERT INTO cf_setting (name, setting_value) VALUES ('separationOfDuties', 'true');

-- The inbox of a reviewer or leader leaves out the drafts they wrote or approved: the department's
-- replies now in review are found from this index (a handful), not from the person's history.
CREATE INDEX ix_assignment_stage ON cf_assignment (department_code, stage, state, proposal_id);
