-- Accounts: who is calling. Sessions, API tokens and login throttling live in
-- the database, not in a server's memory, so any number of `serve` processes
-- behind a load balancer agree on who is signed in, and a logout or a revoked
-- token takes effect everywhere at once.

-- A session is one browser's sign-in. The cookie holds a random secret; only
-- its SHA-256 is kept, so a copy of this table signs no one in.
CREATE TABLE sessions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash    bytea NOT NULL CHECK (length(token_hash) = 32),
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Sent back by the page in X-CSRF-Token on every write: a cross-site form
    -- carries the cookie but cannot read this.
    csrf_token    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- Absolute end; an idle session also ends (see api/sessions.go).
    expires_at    timestamptz NOT NULL,
    -- Refreshed at most once a minute, not on every request.
    last_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- An API token is a bearer credential for scripts. It acts as user_id with at
-- most the rights of its scope: read (a researcher's) or write (a
-- reviewer's); administration needs a person signed in. Only the SHA-256 of
-- the token is kept: it is shown once, when it is made.
CREATE TABLE api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    token_hash    bytea NOT NULL CHECK (length(token_hash) = 32),
    scope         text NOT NULL CHECK (scope IN ('read', 'write')),
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by    bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    -- Revoked tokens are kept, so the audit trail's actors stay explained.
    revoked_at    timestamptz
);
CREATE UNIQUE INDEX api_tokens_token_hash_key ON api_tokens (token_hash);

-- Failed sign-ins per email and client address. After a few failures the
-- next attempt must wait, longer each time; a success clears the row. Rows
-- of addresses that gave up are removed when a later failure finds them old.
CREATE TABLE login_failures (
    email           text NOT NULL,
    ip              text NOT NULL,
    failures        integer NOT NULL CHECK (failures > 0),
    last_failed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (email, ip)
);
