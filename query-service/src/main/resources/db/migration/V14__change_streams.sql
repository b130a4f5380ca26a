-- The order of the change stream across lists (GET /api/streams/changes): the transaction that
-- wrote an event and its place in it. A reader follows (tx, position) and never reads past the
-- oldest transaction still running, so a batch that commits late is not skipped. The sequence
-- belongs to no table: a rebuild (ADR 14) moves tables between schemas, and an owned sequence
-- would move (and be dropped) with the old table.
CREATE SEQUENCE list_event_position;
ALTER TABLE list_event ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE list_event ADD COLUMN position BIGINT NOT NULL DEFAULT nextval('list_event_position');
CREATE INDEX list_event_stream ON list_event (tx, position);
