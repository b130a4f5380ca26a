-- History and time travel. Written only by the projection, in the transaction that applies the
-- events; never updated afterwards (appends only).

-- Every applied event of every list, as it came from Kafka.
CREATE TABLE list_event (
    list_id        VARCHAR(64)  NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    sequence       BIGINT       NOT NULL,
    version        BIGINT       NOT NULL,
    event_id       VARCHAR(64)  NOT NULL,
    type           VARCHAR(64)  NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(100),
    correlation_id VARCHAR(64),
    summary        TEXT,
    payload        BYTEA        NOT NULL,
    PRIMARY KEY (list_id, sequence)
);
CREATE INDEX list_event_version ON list_event (list_id, version, sequence);

-- One row per version: who, when, what kind, a sentence, and the proposal behind it.
CREATE TABLE list_version (
    list_id     VARCHAR(64)  NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    version     BIGINT       NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(100),
    kind        VARCHAR(32)  NOT NULL,
    summary     TEXT         NOT NULL,
    proposal    VARCHAR(64),
    rationale   TEXT,
    event_ids   TEXT         NOT NULL,
    PRIMARY KEY (list_id, version)
);
CREATE INDEX list_version_time ON list_version (list_id, occurred_at);

-- Which versions changed which item (entry, section, text block): per-entry history and blame.
CREATE TABLE item_change (
    list_id VARCHAR(64) NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    item_id VARCHAR(32) NOT NULL,
    version BIGINT      NOT NULL,
    PRIMARY KEY (list_id, item_id, version)
);

-- The document at some versions (every 50th, and the import), so that the text at any version is
-- a snapshot plus fewer than 50 versions of events.
CREATE TABLE list_snapshot (
    list_id VARCHAR(64) NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    version BIGINT      NOT NULL,
    nodes   BYTEA       NOT NULL,
    PRIMARY KEY (list_id, version)
);
