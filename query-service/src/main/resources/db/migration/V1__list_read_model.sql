-- Read models of the query service, built only from the Kafka topic curation.list-events.

-- One row per list. last_sequence is the last event of the list applied here; it is written in
-- the same transaction as the read model, so a redelivered event is recognised and skipped.
CREATE TABLE list_view (
    id            VARCHAR(64)  PRIMARY KEY,
    slug          VARCHAR(100) NOT NULL UNIQUE,
    version       BIGINT       NOT NULL,
    last_sequence BIGINT       NOT NULL,
    section_count INTEGER      NOT NULL DEFAULT 0,
    entry_count   INTEGER      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(100),
    updated_at    TIMESTAMPTZ  NOT NULL,
    updated_by    VARCHAR(100)
);

-- version counts only complete versions: a version made of several events (a large import, a
-- change set) becomes visible at once, when its last event is applied.

-- The document of a list. nodes: the applied state (JSON, document order), which the projection
-- continues from. markdown, etag, structure: what readers see, written when a version completes.
-- BYTEA, not TEXT: a list may hold any UTF-8, NUL included, and must come back byte for byte.
CREATE TABLE list_document (
    list_id   VARCHAR(64) PRIMARY KEY REFERENCES list_view (id) ON DELETE CASCADE,
    nodes     BYTEA       NOT NULL,
    markdown  BYTEA       NOT NULL DEFAULT '',
    etag      VARCHAR(80) NOT NULL DEFAULT '',
    structure BYTEA
);
