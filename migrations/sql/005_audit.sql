-- Every change to a claim, speaker, evidence link or review, written in the
-- same transaction as the change: who, when, before and after.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- NULL for changes made by the system (ingest, re-extraction).
    actor_id    bigint REFERENCES users (id),
    action      text NOT NULL,
    entity      text NOT NULL CHECK (entity IN ('article', 'claim', 'speaker', 'evidence', 'user', 'outlet')),
    entity_id   bigint NOT NULL,
    before      jsonb,
    after       jsonb,
    -- The writing transaction: one reviewer action (a split touches two
    -- claims) is every row with the same txid, and undo reverts them together.
    txid        bigint NOT NULL DEFAULT txid_current(),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at);
