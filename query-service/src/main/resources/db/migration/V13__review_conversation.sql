-- The review conversation (issue 15): revisions, comments, requests for changes, approvals and the
-- review policy, all from the list topic's events, so a rebuild makes them again.
ALTER TABLE proposal_view ADD COLUMN revision   INTEGER NOT NULL DEFAULT 1;
ALTER TABLE proposal_view ADD COLUMN by_curator BOOLEAN NOT NULL DEFAULT false;

-- every revision of every proposal's change set (the first is the submission)
CREATE TABLE proposal_revision (
    proposal_id  VARCHAR(64)  NOT NULL REFERENCES proposal_view (id) ON DELETE CASCADE,
    revision     INTEGER      NOT NULL,
    base_version BIGINT       NOT NULL,
    rationale    TEXT,
    edits        BYTEA        NOT NULL,
    author       VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (proposal_id, revision)
);

-- what happened in a proposal's review, in order: submitted, comment, resolved, changes_requested,
-- amended, approval (more wanted), approved, rejected, withdrawn
CREATE TABLE proposal_activity (
    list_id     VARCHAR(64)  NOT NULL,
    sequence    BIGINT       NOT NULL,
    proposal_id VARCHAR(64)  NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    revision    INTEGER      NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    text        TEXT,
    comment_id  VARCHAR(64),
    edit_index  INTEGER,
    reply_to    VARCHAR(64),
    at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (list_id, sequence)
);
CREATE INDEX proposal_activity_proposal ON proposal_activity (proposal_id, sequence);

-- review policies set by curators, one row per change; the last one counts
CREATE TABLE review_policy (
    list_id            VARCHAR(64)  NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    sequence           BIGINT       NOT NULL,
    required_approvals INTEGER      NOT NULL,
    author_counts      BOOLEAN      NOT NULL,
    dismiss_on_amend   BOOLEAN      NOT NULL,
    changed_by         VARCHAR(100),
    changed_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (list_id, sequence)
);
