-- Proposals and their state, from the Proposal* events.
CREATE TABLE proposal_view (
    id           VARCHAR(64)  PRIMARY KEY,
    list_id      VARCHAR(64)  NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    status       VARCHAR(20)  NOT NULL,
    author       VARCHAR(100) NOT NULL,
    rationale    TEXT,
    base_version BIGINT       NOT NULL,
    edits        BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    decided_by   VARCHAR(100),
    decided_at   TIMESTAMPTZ,
    reason       TEXT,
    version      BIGINT
);
CREATE INDEX proposal_view_list_status ON proposal_view (list_id, status, created_at);

-- Every entry of every list, for search across lists (titles, descriptions, URLs; any language).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE entry_view (
    list_id       VARCHAR(64)  NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    id            VARCHAR(32)  NOT NULL,
    section_id    VARCHAR(32),
    title         TEXT         NOT NULL,
    url           TEXT         NOT NULL,
    description   TEXT         NOT NULL,
    PRIMARY KEY (list_id, id)
);
CREATE INDEX entry_view_title_trgm ON entry_view USING gin (title gin_trgm_ops);
CREATE INDEX entry_view_description_trgm ON entry_view USING gin (description gin_trgm_ops);
CREATE INDEX entry_view_url_trgm ON entry_view USING gin (url gin_trgm_ops);
