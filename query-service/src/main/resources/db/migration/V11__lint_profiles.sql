-- Lint profiles set by curators (LintProfileChanged), one row per change: a version's lint report
-- uses the last profile set at or before it. rules: every rule id with error, warning or off (JSON).
CREATE TABLE lint_profile (
    list_id                VARCHAR(64)  NOT NULL REFERENCES list_view (id) ON DELETE CASCADE,
    sequence               BIGINT       NOT NULL,
    version                BIGINT       NOT NULL,
    rules                  TEXT         NOT NULL,
    same_url_in_sections   BOOLEAN      NOT NULL,
    changed_by             VARCHAR(100),
    changed_at             TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (list_id, sequence)
);
