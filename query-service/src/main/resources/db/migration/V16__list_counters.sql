-- What the list of lists shows of each list's lint report (issue 27): the errors and warnings of
-- its current version under its lint profile, counted by the projection when a version completes
-- or the profile changes (a rebuild counts them again). NULL: not counted yet (a list last changed
-- before this migration), counted at startup by LintCountBackfill.
ALTER TABLE list_view ADD COLUMN lint_errors   INTEGER;
ALTER TABLE list_view ADD COLUMN lint_warnings INTEGER;
