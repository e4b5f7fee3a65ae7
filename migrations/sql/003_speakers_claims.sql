-- A speaker is a canonical entity claims are attributed to, shared across
-- articles: "Viktor Poznikhir" is one row however many reports quote him.
CREATE TABLE speakers (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (length(btrim(name)) > 0),
    role          text NOT NULL DEFAULT '',
    organisation  text NOT NULL DEFAULT '',
    kind          text NOT NULL CHECK (kind IN ('person', 'organisation', 'anonymous', 'outlet')),
    -- Other names seen for the same speaker ("Poznikhir", "the general"), a
    -- JSON array of strings: read and written whole, never queried inside.
    aliases       jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(aliases) = 'array'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX speakers_name_kind_key ON speakers (lower(name), kind);
CREATE INDEX speakers_name_trgm_idx ON speakers USING gin (name gin_trgm_ops);

CREATE TABLE claims (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id         bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind               text NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed', 'assertion', 'caption', 'headline')),
    -- Offsets are Unicode code points into articles.text, end exclusive, as in
    -- the W3C TextPositionSelector; PostgreSQL's substr() counts the same way,
    -- so substr(text, content_start + 1, content_end - content_start) = content_text.
    content_start      integer NOT NULL CHECK (content_start >= 0),
    content_end        integer NOT NULL CHECK (content_end > content_start),
    content_text       text NOT NULL,
    -- [[start, end], ...] when the content is in pieces ('"...," he said, "..."');
    -- NULL when it is one piece.
    content_parts      jsonb,
    speaker_id         bigint REFERENCES speakers (id),
    mention_start      integer,
    mention_end        integer,
    mention_text       text NOT NULL DEFAULT '',
    cue_start          integer,
    cue_end            integer,
    cue_text           text NOT NULL DEFAULT '',
    confidence         real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    extractor_version  text NOT NULL,
    status             text NOT NULL DEFAULT 'unreviewed'
                       CHECK (status IN ('unreviewed', 'confirmed', 'edited', 'rejected')),
    -- Optimistic concurrency: every update bumps it; a write naming an older
    -- version is refused.
    version            integer NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    -- 'simple' would keep stop words; 'english' stems, so "warned" finds "warns".
    tsv                tsvector GENERATED ALWAYS AS (to_tsvector('english', content_text)) STORED,
    CHECK ((mention_start IS NULL) = (mention_end IS NULL)),
    CHECK ((cue_start IS NULL) = (cue_end IS NULL))
);
CREATE INDEX claims_article_idx ON claims (article_id, content_start);
CREATE INDEX claims_speaker_idx ON claims (speaker_id) WHERE speaker_id IS NOT NULL;
CREATE INDEX claims_kind_idx ON claims (kind);
CREATE INDEX claims_tsv_idx ON claims USING gin (tsv);
CREATE INDEX claims_content_trgm_idx ON claims USING gin (content_text gin_trgm_ops);
