-- A rebuild (POST /api/operations/rebuild, ./curation rebuild) projects the whole topic into fresh
-- tables in the schema curation_rebuild while these keep serving, then moves them into public in
-- one transaction. The two tables below are not read models and are never rebuilt.

-- Bumped by every swap. Each projection transaction reads it FOR SHARE first: a swap waits for
-- the batches in flight, and a replica that finds a new generation drops what it kept in memory of
-- the old tables and applies its batch again.
CREATE TABLE read_model_generation (
    generation BIGINT NOT NULL
);
INSERT INTO read_model_generation (generation) VALUES (0);

-- Records an operator discarded from a quarantined list (they were not events of ours). An
-- operator's decision is input, not derived state: a rebuild skips these positions as well.
CREATE TABLE discarded_record (
    topic_partition INT          NOT NULL,
    record_offset   BIGINT       NOT NULL,
    list_key        VARCHAR(250) NOT NULL,
    discarded_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (topic_partition, record_offset)
);
