-- Webhooks (docs/adr/0019-webhooks.md). The secret a subscription's deliveries are signed with is
-- written here when it is created and never enters an event.
CREATE TABLE webhook_secret (
    id     VARCHAR(64) PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
);

-- subscriptions, kept by the webhook-outbox processor from the list events; state: active,
-- disabled (after repeated failures) or removed
CREATE TABLE webhook (
    id            VARCHAR(64)  PRIMARY KEY,
    list_id       VARCHAR(64)  NOT NULL,
    url           TEXT         NOT NULL,
    kinds         TEXT         NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    failures      INTEGER      NOT NULL DEFAULT 0,
    leased_until  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX webhook_list ON webhook (list_id);

-- one row per change and subscription, in the list's event order; state: pending or delivered
CREATE TABLE webhook_delivery (
    webhook_id       VARCHAR(64)  NOT NULL REFERENCES webhook (id),
    sequence         BIGINT       NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    body             BYTEA        NOT NULL,
    state            VARCHAR(16)  NOT NULL DEFAULT 'pending',
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_status      INTEGER,
    last_millis      BIGINT,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (webhook_id, sequence)
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (webhook_id, sequence) WHERE state = 'pending';
