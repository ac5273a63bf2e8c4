-- Statistics (按时办结率): whether a department's first reply was sent by its deadline cannot be
-- told later from the assignment alone — an extension or the second round after an unsatisfied
-- rating moves due_date. So the first reply's date and the deadline in force on that day are kept.
ALTER TABLE cf_assignment ADD COLUMN first_replied_on DATE NULL;
ALTER TABLE cf_assignment ADD COLUMN first_reply_due DATE NULL;

-- Replies sent before this migration: the date of the first sent reply of the department, and the
-- current deadline (for a department in its second round that is the re-handling deadline, the
-- best that is still known).
UPDATE cf_assignment
SET first_replied_on = (
      SELECT CAST(MIN(p.replied_at) AS DATE) FROM cf_publication p
      WHERE p.proposal_id = cf_assignment.proposal_id
        AND p.department_code = cf_assignment.department_code
        AND p.replied_at IS NOT NULL),
    first_reply_due = due_date
WHERE role <> 'CO' AND state <> 'RELEASED'
  AND EXISTS (
      SELECT 1 FROM cf_publication p
      WHERE p.proposal_id = cf_assignment.proposal_id
        AND p.department_code = cf_assignment.department_code
        AND p.replied_at IS NOT NULL);

-- The statistics group a session's proposals by status and join its assignments by proposal.
CREATE INDEX ix_proposal_session_status ON cf_proposal (session_id, status);
