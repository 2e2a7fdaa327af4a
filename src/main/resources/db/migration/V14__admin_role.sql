-- The ADMIN role belongs to an account, not to an email: it is granted at start-up to accounts that already
-- exist with a configured email (coinsphere.security.admin-emails), so registering an address later grants
-- nothing. tokens_valid_after: tokens issued before it are refused (set when the role is taken away).
ALTER TABLE users ADD COLUMN is_admin BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN tokens_valid_after TIMESTAMPTZ;
