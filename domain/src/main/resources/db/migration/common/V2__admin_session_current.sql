-- The current session (当前届次): the one an administrator marked, used as the default where a
-- session must be chosen. At most one row carries TRUE; the service keeps it that way.
ALTER TABLE cf_session ADD COLUMN is_current BOOLEAN NOT NULL DEFAULT FALSE;
