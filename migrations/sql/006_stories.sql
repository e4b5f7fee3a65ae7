-- A story is one event as several outlets report it ("the attack on the UN
-- aid convoy near Urum al-Kubra"): the unit the comparison view works on.
-- Articles are grouped into stories automatically at ingest; reviewers may
-- move an article to another story.
CREATE TABLE stories (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The first article's title until a reviewer renames the story.
    title               text NOT NULL CHECK (length(btrim(title)) > 0),
    -- The lower-cased names (people, organisations, places) the story's
    -- articles mention, a JSON array of strings. A new article is compared
    -- with a story through these, so grouping reads one row per story, not
    -- every article in it; the GIN index serves "shares any of these names"
    -- (the ?| operator).
    entities            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(entities) = 'array'),
    -- The range of the articles' publication dates: an article joins a
    -- story only when it was published within a few days of that range.
    -- NULL while no article of the story has a date.
    first_published_at  timestamptz,
    last_published_at   timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (first_published_at IS NULL OR last_published_at >= first_published_at)
);
CREATE INDEX stories_entities_idx ON stories USING gin (entities);
CREATE INDEX stories_last_published_idx ON stories (last_published_at);

-- NULL: not grouped yet. Deleting a story leaves its articles ungrouped
-- rather than deleting reports.
ALTER TABLE articles ADD COLUMN story_id bigint REFERENCES stories (id) ON DELETE SET NULL;
-- TRUE once a reviewer placed the article in its story: automatic grouping
-- never moves it again.
ALTER TABLE articles ADD COLUMN story_pinned boolean NOT NULL DEFAULT false;
-- Partial: most lookups are "the articles of story N"; ungrouped rows need
-- no entry.
CREATE INDEX articles_story_idx ON articles (story_id) WHERE story_id IS NOT NULL;
