-- The git bridge (docs/adr/0026-git-history-walk.md, 0027-git-bridge.md).

-- credentials of a list's repository: written when an import or a bridge is set, never in an event
CREATE TABLE git_credential (
    list_id   VARCHAR(64) PRIMARY KEY,
    username  TEXT        NOT NULL,
    password  TEXT        NOT NULL
);

-- one history import per list; state: running (also while waiting to retry), complete or failed
CREATE TABLE git_import (
    list_id      VARCHAR(64)  PRIMARY KEY,
    slug         VARCHAR(200) NOT NULL,
    repository   TEXT         NOT NULL,
    branch       TEXT         NOT NULL,
    path         TEXT         NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    commits      INTEGER      NOT NULL,
    done         INTEGER      NOT NULL,
    skipped      INTEGER      NOT NULL DEFAULT 0,
    last_commit  VARCHAR(64),
    last_error   TEXT,
    failures     INTEGER      NOT NULL DEFAULT 0,
    started_by   TEXT         NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

-- a list's bridge, kept from its GitBridgeSet/Removed events, and where its sync stands: the last
-- commit whose file equals the export of the last version (the sync point)
CREATE TABLE git_bridge (
    list_id          VARCHAR(64)  PRIMARY KEY,
    repository       TEXT         NOT NULL,
    branch           TEXT         NOT NULL,
    path             TEXT         NOT NULL,
    publish          BOOLEAN      NOT NULL,
    pull             BOOLEAN      NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    last_commit      VARCHAR(64),
    last_version     BIGINT,
    remote_head      VARCHAR(64),
    last_error       TEXT,
    failures         INTEGER      NOT NULL DEFAULT 0,
    last_attempt_at  TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ  NOT NULL
);

-- every commit the bridge published, with its version (the trailers say the same in git)
CREATE TABLE git_published (
    list_id    VARCHAR(64) NOT NULL,
    version    BIGINT      NOT NULL,
    commit_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (list_id, commit_id)
);
