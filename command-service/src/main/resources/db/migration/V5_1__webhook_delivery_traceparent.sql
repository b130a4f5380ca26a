-- The W3C traceparent of the span that caused a delivery (its event's metadata), so that the POST, made
-- later by any replica, is a span in the trace of the edit and the receiver gets that trace's traceparent.
ALTER TABLE webhook_delivery ADD COLUMN traceparent VARCHAR(64);
