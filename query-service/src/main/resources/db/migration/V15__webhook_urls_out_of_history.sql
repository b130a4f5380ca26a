-- A webhook's whole URL is a credential (Slack, Discord and Teams hooks). WebhookSubscribed of
-- revision 1 carried it, and the history stored the payload as it came, so the change streams
-- served it to anyone. Kept from now on: only the receiver's origin (scheme, host, port), as the
-- event of revision 2 carries it (curation-core Webhooks.origin).
UPDATE list_event
SET payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{url}',
        to_jsonb(COALESCE(lower(substring(convert_from(payload, 'UTF8')::jsonb ->> 'url' FROM '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*')), '')))::text, 'UTF8')
WHERE type = 'WebhookSubscribed';
