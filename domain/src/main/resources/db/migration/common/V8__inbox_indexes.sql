-- Inboxes and the proposal search at 100,000 proposals (docs/performance.md, "Inboxes at 100,000").
-- The indexes on Camunda's ACT_* tables are created by the engine module (InboxIndexes), once the
-- engine has created its tables.

-- Staff lists: a session's proposals in a status, newest first, read in index order
-- (id, the primary key, is the last column of every index).
CREATE INDEX ix_proposal_session_status_submitted ON cf_proposal (session_id, status, submitted_at);

-- The department filter of the search: per proposal (is it assigned to the department?) and per
-- department (the proposals assigned to it), both answered from the index alone.
CREATE INDEX ix_assignment_proposal_department ON cf_assignment (proposal_id, department_code);
CREATE INDEX ix_assignment_department_proposal ON cf_assignment (department_code, proposal_id);

-- The inbox totals look up each task's proposal: a narrow index instead of the wide rows.
CREATE INDEX ix_proposal_inbox ON cf_proposal (id, session_id, key_item);
