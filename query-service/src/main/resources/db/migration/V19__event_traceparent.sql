-- The W3C traceparent of the span that projected each event (its edit's trace), so that a change
-- stream's "stream send" span joins that trace. Null for rows written before this, by a rebuild
-- (not traced), or when tracing is off: such a change is sent without a span.
ALTER TABLE list_event ADD COLUMN traceparent TEXT;
