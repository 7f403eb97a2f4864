"""Accounts without an email: sign-up and sign-in by phone code; email links.

``users.email`` and ``users.password_hash`` become optional (an account made by a code to
its number has neither until it adds them); ``phone_verified`` and ``email_verified`` say
what the account has proven, and a verified number is one account's
(``uq_users_verified_phone``). ``folded`` (the admins' text search) no longer needs an
email. ``phone_codes`` keeps a keyed digest of each code sent; ``sms_budget`` counts the
code messages of each UTC day; ``email_links`` keeps a keyed digest of each link sent to
verify an address or reset a password.

Revision ID: 0028_phone_accounts
Revises: 0027_client_notifications
Create Date: 2026-11-25 23:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0028_phone_accounts"
down_revision: str | None = "0027_client_notifications"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN phone_verified boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD CONSTRAINT ck_users_verified_phone
    CHECK (phone IS NOT NULL OR NOT phone_verified);
ALTER TABLE users ADD CONSTRAINT ck_users_verified_email
    CHECK (email IS NOT NULL OR NOT email_verified);
CREATE UNIQUE INDEX uq_users_verified_phone ON users (phone) WHERE phone_verified;
ALTER TABLE users DROP COLUMN folded;
ALTER TABLE users ADD COLUMN folded text
    GENERATED ALWAYS AS (inkslot_fold(name || ' ' || COALESCE(email, ''))) STORED;
CREATE INDEX ix_users_folded ON users USING gin (folded gin_trgm_ops);

CREATE TABLE phone_codes (
    id uuid PRIMARY KEY,
    phone text NOT NULL,
    purpose text NOT NULL CONSTRAINT ck_phone_codes_purpose
        CHECK (purpose IN ('sign_in', 'unlock', 'phone_change')),
    user_id uuid CONSTRAINT fk_phone_codes_user_id_users REFERENCES users (id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    address_key text NOT NULL,
    attempts integer NOT NULL DEFAULT 0 CONSTRAINT ck_phone_codes_attempts CHECK (attempts >= 0),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    spent_at timestamptz
);
CREATE INDEX ix_phone_codes_phone_created_at ON phone_codes (phone, created_at);
CREATE INDEX ix_phone_codes_address_key_created_at ON phone_codes (address_key, created_at);
CREATE INDEX ix_phone_codes_created_at ON phone_codes (created_at);
CREATE INDEX ix_phone_codes_user_id ON phone_codes (user_id);

CREATE TABLE email_links (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL
        CONSTRAINT fk_email_links_user_id_users REFERENCES users (id) ON DELETE CASCADE,
    purpose text NOT NULL CONSTRAINT ck_email_links_purpose
        CHECK (purpose IN ('verify_email', 'reset_password', 'unlock')),
    email text NOT NULL,
    token_hash text NOT NULL CONSTRAINT uq_email_links_token_hash UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    spent_at timestamptz
);
CREATE INDEX ix_email_links_user_id ON email_links (user_id);

CREATE TABLE sms_budget (
    day date PRIMARY KEY,
    sent integer NOT NULL CONSTRAINT ck_sms_budget_sent CHECK (sent >= 0)
);
"""

# Going back forgets the codes and the accounts that have no email or password: the schema
# before this revision cannot hold them.
_DOWN = """
DROP TABLE sms_budget;
DROP TABLE email_links;
DROP TABLE phone_codes;
DELETE FROM users WHERE email IS NULL OR password_hash IS NULL;
ALTER TABLE users DROP COLUMN folded;
ALTER TABLE users ADD COLUMN folded text
    GENERATED ALWAYS AS (inkslot_fold(name || ' ' || email)) STORED;
CREATE INDEX ix_users_folded ON users USING gin (folded gin_trgm_ops);
DROP INDEX uq_users_verified_phone;
ALTER TABLE users DROP CONSTRAINT ck_users_verified_email;
ALTER TABLE users DROP CONSTRAINT ck_users_verified_phone;
ALTER TABLE users DROP COLUMN email_verified;
ALTER TABLE users DROP COLUMN phone_verified;
ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
