-- Link health (docs/adr/0016). Check results arrive on their own topic (curation.link-checks);
-- link_check keeps every one (each entry's health timeline), link_state the current state per
-- URL. URLs are keyed by md5(url): a URL can be longer than a B-tree key may be.
CREATE TABLE link_state (
    url_hash         TEXT         PRIMARY KEY,
    url              TEXT         NOT NULL,
    -- unchecked, ok, redirected, failing, dead, refused, excluded
    status           VARCHAR(16)  NOT NULL DEFAULT 'unchecked',
    http_status      INTEGER,
    final_url        TEXT,
    moved            BOOLEAN      NOT NULL DEFAULT false,
    failures         INTEGER      NOT NULL DEFAULT 0,
    first_failure_at TIMESTAMPTZ,
    dead_since       TIMESTAMPTZ,
    archived_url     TEXT,
    error            TEXT,
    checks           INTEGER      NOT NULL DEFAULT 0,
    checked_at       TIMESTAMPTZ,
    next_check_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_until    TIMESTAMPTZ,
    changed_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX link_state_due ON link_state (next_check_at);

CREATE TABLE link_check (
    id           UUID         PRIMARY KEY,
    url_hash     TEXT         NOT NULL,
    url          TEXT         NOT NULL,
    checked_at   TIMESTAMPTZ  NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    status_after VARCHAR(16)  NOT NULL,
    http_status  INTEGER,
    final_url    TEXT,
    redirects    TEXT         NOT NULL,
    attempts     INTEGER      NOT NULL,
    elapsed_ms   BIGINT       NOT NULL,
    error        TEXT,
    archived_url TEXT
);
CREATE INDEX link_check_timeline ON link_check (url_hash, checked_at);

-- the list version up to which a list's URLs were taken into link_state
CREATE TABLE link_sync (
    list_id VARCHAR(64) PRIMARY KEY,
    version BIGINT      NOT NULL
);

-- proposals the link bot is to make (an outbox): one per entry and episode (the time the link was
-- found dead, or found moved), sent to the command service with the row as Idempotency-Key
CREATE TABLE link_proposal (
    id              BIGSERIAL    PRIMARY KEY,
    list_id         VARCHAR(64)  NOT NULL,
    entry_id        VARCHAR(32)  NOT NULL,
    url             TEXT         NOT NULL,
    -- replace (with the archived copy), remove, or update (to where it moved)
    kind            VARCHAR(16)  NOT NULL,
    new_url         TEXT,
    episode         TIMESTAMPTZ  NOT NULL,
    -- pending, proposed, refused (the command service said no), obsolete (the entry changed)
    state           VARCHAR(16)  NOT NULL DEFAULT 'pending',
    proposal_id     VARCHAR(64),
    message         TEXT,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (list_id, entry_id, kind, episode)
);
CREATE INDEX link_proposal_pending ON link_proposal (next_attempt_at) WHERE state = 'pending';

-- which entries link to a URL, for the lists of a URL that changed state
CREATE INDEX entry_view_url_hash ON entry_view USING hash (md5(url));

-- the entries whose link is not ok (failing, dead, redirected), per list: what the structure JSON
-- carries, kept by the checker when a list changes and by the projection when a link does
CREATE TABLE entry_link_health (
    list_id  VARCHAR(64) NOT NULL,
    entry_id VARCHAR(32) NOT NULL,
    url_hash TEXT        NOT NULL,
    status   VARCHAR(16) NOT NULL,
    PRIMARY KEY (list_id, entry_id)
);
CREATE INDEX entry_link_health_url ON entry_link_health (url_hash);
