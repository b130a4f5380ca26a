-- Answers to POST requests sent with an Idempotency-Key, replayed when the same key comes again.
CREATE TABLE idempotency_record (
    principal       VARCHAR(100)  NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(200),
    location        VARCHAR(2000),
    etag            VARCHAR(100),
    body            BYTEA,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idempotency_key)
);
