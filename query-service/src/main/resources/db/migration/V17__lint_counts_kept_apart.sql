-- The list of lists' lint counts are made outside the projection's transaction (linting a big
-- list in every batch put its time on every edit's way to readers): the projection marks a list's
-- counts out of date, LintCountKeeper counts them a moment later. lint_version: the version the
-- counts are of; NULL or another version than the list's: to be counted.
ALTER TABLE list_view ADD COLUMN lint_version BIGINT;
UPDATE list_view SET lint_version = version WHERE lint_errors IS NOT NULL;
