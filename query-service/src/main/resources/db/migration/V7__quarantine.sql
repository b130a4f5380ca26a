-- A record the projection cannot parse, fold or store quarantines its list only: the list stops
-- projecting, its records from then on are held here (never skipped), and every other list goes
-- on. An operator retries the list after the cause is removed (docs/operations.md).
CREATE TABLE quarantined_list (
    list_key       VARCHAR(250) PRIMARY KEY,   -- the record key (a list id), made safe to store
    quarantined_at TIMESTAMPTZ  NOT NULL,
    error          TEXT         NOT NULL,
    retries        INT          NOT NULL DEFAULT 0
);

CREATE TABLE held_record (
    topic_partition INT          NOT NULL,
    record_offset   BIGINT       NOT NULL,
    list_key        VARCHAR(250) NOT NULL REFERENCES quarantined_list (list_key),
    record_key      BYTEA,
    record_value    BYTEA,
    held_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (topic_partition, record_offset)
);
CREATE INDEX held_record_by_list ON held_record (list_key, topic_partition, record_offset);
