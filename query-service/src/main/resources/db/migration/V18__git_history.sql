-- Lists whose history comes from git (issue 28). A version from a commit is the commit author's,
-- at the commit's author date, whoever's account sent it (the git bridge, or the importer for the
-- first): list_version keeps that author as its actor and the author date as its time, and the
-- commit itself, as the commit's JSON (curation-core GitCommit: id, author, authoredAt with the
-- commit's own offset, coAuthors, mergedAuthors, message). BYTEA like the events' payloads: a
-- commit message is whatever bytes git kept. list_event keeps each event as sent (its actor is
-- the account that sent it, which memberships rely on).
ALTER TABLE list_version ADD COLUMN git_commit_id VARCHAR(64);
ALTER TABLE list_version ADD COLUMN git_commit    BYTEA;
-- git names people "Name <email>", with no bound on either: widened (no table rewrite)
ALTER TABLE list_version ALTER COLUMN actor TYPE TEXT;
ALTER TABLE list_view ALTER COLUMN updated_by TYPE TEXT;

-- Where a list's history was imported from, and whether the import is complete (HistoryImported);
-- NULL for a list not imported from git. import_commits: how many commits the import expected.
ALTER TABLE list_view ADD COLUMN import_repository TEXT;
ALTER TABLE list_view ADD COLUMN import_branch     TEXT;
ALTER TABLE list_view ADD COLUMN import_path       TEXT;
ALTER TABLE list_view ADD COLUMN import_commits    INTEGER;
ALTER TABLE list_view ADD COLUMN import_complete   BOOLEAN;

-- The list's git bridge as an owner set it (GitBridgeSet; GitBridgeRemoved clears it): settings
-- only, never credentials (those never reach an event).
ALTER TABLE list_view ADD COLUMN git_repository TEXT;
ALTER TABLE list_view ADD COLUMN git_branch     TEXT;
ALTER TABLE list_view ADD COLUMN git_path       TEXT;
ALTER TABLE list_view ADD COLUMN git_publish    BOOLEAN;
ALTER TABLE list_view ADD COLUMN git_pull       BOOLEAN;
