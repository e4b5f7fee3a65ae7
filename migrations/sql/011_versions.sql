-- Outlets and users are editable resources too: an admin changing an outlet
-- or a user names the version they saw (If-Match), so two admins editing the
-- same one at once cannot silently overwrite each other. Claims and evidence
-- links have had a version since they were created (003, 004).
ALTER TABLE outlets ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1;
