-- A user is a person who signs in: admins, reviewers and researchers.
CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
    name           text NOT NULL DEFAULT '',
    role           text NOT NULL CHECK (role IN ('admin', 'reviewer', 'researcher')),
    -- NULL until a password is set; a user without one cannot sign in.
    password_hash  text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- Evidence ties a claim to a passage of another report that corroborates it,
-- conflicts with it, or gives context. The machine's suggestion is kept beside
-- the reviewer's decision so the ranking can be measured against it later.
CREATE TABLE evidence (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id          bigint NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    article_id        bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- The passage, in code points into the evidence article's text.
    passage_start     integer NOT NULL CHECK (passage_start >= 0),
    passage_end       integer NOT NULL CHECK (passage_end > passage_start),
    passage_text      text NOT NULL,
    -- The claim in the other article this passage is, when it is one.
    passage_claim_id  bigint REFERENCES claims (id) ON DELETE SET NULL,
    stance            text NOT NULL CHECK (stance IN ('corroborates', 'conflicts', 'context')),
    note              text NOT NULL DEFAULT '',
    suggested_stance  text CHECK (suggested_stance IN ('corroborates', 'conflicts', 'context')),
    suggested_score   real,
    created_by        bigint REFERENCES users (id),
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
-- One link per claim and passage: a second decision updates the first.
CREATE UNIQUE INDEX evidence_claim_passage_key ON evidence (claim_id, article_id, passage_start, passage_end);
CREATE INDEX evidence_article_idx ON evidence (article_id);
