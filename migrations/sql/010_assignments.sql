-- Assignments: who is to review an article. A reviewer or an admin gives an
-- article to a person (themselves or a colleague); the review queue then
-- serves that person the claims of their articles first.
--
-- The unit is the article, not the claim: a reviewer reads an article's
-- claims together (they share speakers and context), and a few hundred rows
-- of articles are far easier to hand out than tens of thousands of claims.
-- An article has at most one assignee, so the article is the primary key;
-- reassigning replaces the row, and the audit trail (entity 'article')
-- keeps who had it before.
CREATE TABLE article_assignments (
    article_id   bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    -- Removing a person removes their assignments: the work goes back to
    -- everyone rather than to no one.
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Who made the assignment; NULL when it was made without an account
    -- (browser tests) or that account has gone.
    assigned_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    assigned_at  timestamptz NOT NULL DEFAULT now()
);
-- "My articles": the queue's ordering and the list of one person's work.
CREATE INDEX article_assignments_user_idx ON article_assignments (user_id);
