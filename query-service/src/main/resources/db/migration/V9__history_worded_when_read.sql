-- History words its sentences when read: each event keeps what it changed, with the names its
-- sentence needs (curation-core's ChangeSummary.Change as JSON). Rows recorded before keep their
-- stored sentences. The author a proposal's version names comes from proposal_author (V8).
ALTER TABLE list_event ADD COLUMN change TEXT;
