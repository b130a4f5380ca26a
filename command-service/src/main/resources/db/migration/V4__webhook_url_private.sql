-- A webhook's whole URL is a credential (Slack, Discord and Teams hooks): from event revision 2 on,
-- WebhookSubscribed carries only the receiver's origin, and the URL is kept here with the secret,
-- written in the transaction that stores the event. Subscriptions made before keep theirs from
-- the webhook table, which the outbox filled from the events of revision 1.
ALTER TABLE webhook_secret ADD COLUMN url TEXT;
ALTER TABLE webhook_secret ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
UPDATE webhook_secret s SET url = w.url FROM webhook w WHERE w.id = s.id;
-- before, the secret was written before the command ran, and a refused subscription left its row:
-- a secret whose subscription no event records is removed
DELETE FROM webhook_secret s WHERE NOT EXISTS (
    SELECT 1 FROM domain_event_entry e
    WHERE e.payload_type = 'dev.curation.core.list.WebhookSubscribed'
      AND convert_from(e.payload, 'UTF8')::jsonb ->> 'webhook' = s.id);
