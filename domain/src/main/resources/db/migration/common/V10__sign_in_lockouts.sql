-- Failed sign-ins lock the pair of user name and client address for a while, never the account
-- for everyone and never until an administrator acts (SignInLockouts). The state lives in the
-- shared database so that every node sees it. Typed names are kept as typed (normalised), whether
-- an account has them or not, so that locking reveals nothing about which names exist.
CREATE TABLE cf_sign_in_pair (
  username_key    VARCHAR(80)  NOT NULL,
  address         VARCHAR(64)  NOT NULL,
  -- failures counted since window_start (none while locked)
  failures        INT          NOT NULL DEFAULT 0,
  window_start    DATETIME     NULL,
  locked_until    DATETIME     NULL,
  -- lockouts in a row, each within the memory period after the one before: the next lasts longer
  -- (locked_until stays after a lock ends, to know when the last one ended)
  lockouts        INT          NOT NULL DEFAULT 0,
  -- the last successful sign-in of this name from this address (a known address)
  last_success_at DATETIME     NULL,
  updated_at      DATETIME     NOT NULL,
  PRIMARY KEY (username_key, address),
  KEY ix_sign_in_pair_updated (updated_at)
) DEFAULT CHARSET=utf8mb4;

-- Failures of one user name from any address: past a limit, attempts from addresses that are not
-- known for the name are paced (one password check per interval), the account stays usable.
CREATE TABLE cf_sign_in_account (
  username_key  VARCHAR(80)  NOT NULL PRIMARY KEY,
  failures      INT          NOT NULL DEFAULT 0,
  window_start  DATETIME     NOT NULL,
  next_check_at DATETIME     NULL,
  updated_at    DATETIME     NOT NULL,
  KEY ix_sign_in_account_updated (updated_at)
) DEFAULT CHARSET=utf8mb4;

-- The old rule (ten failures in a row lock the account until an administrator unlocks it) is gone:
-- no account stays locked after the upgrade.
ALTER TABLE cf_user DROP COLUMN locked;
ALTER TABLE cf_user DROP COLUMN failed_logins;

-- Set for the first administrator and whenever an administrator sets a password; cleared when the
-- person sets their own. While set, the portal leads to the password change and the API answers
-- 403 password_change_required.
ALTER TABLE cf_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
