-- Access tokens signed out before they expired, by their jti. A row is needed only until its token's own
-- expiry (after that the exp check refuses the token); sign-out purges the rows past it.
CREATE TABLE revoked_tokens (
    jti        TEXT        PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX revoked_tokens_expires_at ON revoked_tokens (expires_at);
