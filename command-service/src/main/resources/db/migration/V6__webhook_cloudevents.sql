-- A delivery is a CloudEvent (HTTP binding, binary mode): its ce-id is the id of the event that
-- completed the change (for a version, its last event), the ce_id of that event's Kafka record.
-- Null for deliveries written before; those send webhook-id as their id.
ALTER TABLE webhook_delivery ADD COLUMN event_id VARCHAR(64);
