-- History words its sentences when read: each event keeps what changed, with the names its
-- sentence needs (curation-core's ChangeSummary.Change as JSON), and each version the author of
-- the proposal it approved. Rows recorded before keep their stored sentences.
ALTER TABLE list_event ADD COLUMN change TEXT;
ALTER TABLE list_version ADD COLUMN proposal_author VARCHAR(100);
