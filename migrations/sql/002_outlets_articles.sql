-- Outlets publish reports (articles). An outlet is found from an article's URL
-- domain or named explicitly, so both name and domain identify one.
CREATE TABLE outlets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    -- Lower-case host without "www."; NULL for outlets known only by name
    -- (pasted text). Unique where present.
    domain      text CHECK (domain IS NULL OR domain = lower(domain)),
    country     text NOT NULL DEFAULT '',
    notes       text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- Names are matched case-insensitively: "Press TV" and "press tv" are one outlet.
CREATE UNIQUE INDEX outlets_name_key ON outlets (lower(name));
CREATE UNIQUE INDEX outlets_domain_key ON outlets (domain) WHERE domain IS NOT NULL;

CREATE TABLE articles (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outlet_id     bigint NOT NULL REFERENCES outlets (id),
    url           text NOT NULL DEFAULT '',
    title         text NOT NULL CHECK (length(btrim(title)) > 0),
    byline        text NOT NULL DEFAULT '',
    published_at  timestamptz,
    language      text NOT NULL DEFAULT 'en',
    -- The text exactly as ingested. Claim offsets point into it, so it is
    -- never rewritten (see the trigger below); a corrected text is a new article.
    text          text NOT NULL CHECK (length(text) > 0),
    -- The original HTML when the article was fetched from a URL.
    html          text,
    -- sha256 of the text's UTF-8 bytes: ingesting the same text again finds
    -- this row instead of storing a duplicate.
    content_hash  bytea NOT NULL CHECK (length(content_hash) = 32),
    ingested_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX articles_content_hash_key ON articles (content_hash);
CREATE INDEX articles_outlet_idx ON articles (outlet_id);
-- Listing is newest first with keyset paging on (ingested_at, id).
CREATE INDEX articles_ingested_idx ON articles (ingested_at DESC, id DESC);
CREATE INDEX articles_published_idx ON articles (published_at);

-- Enforce immutability in the database, where no code path can forget it.
CREATE FUNCTION articles_text_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.text IS DISTINCT FROM OLD.text OR NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
        RAISE EXCEPTION 'article % text is immutable', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER articles_text_immutable BEFORE UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION articles_text_immutable();
