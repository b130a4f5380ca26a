/**
 * Webhooks (docs/adr/0019-webhooks.md): {@link dev.curation.command.webhook.WebhookOutbox} turns
 * the stored list events into deliveries, one per change and subscription, in a tracking
 * processor of its own; {@link dev.curation.command.webhook.WebhookSender} sends them, signed, in
 * order per subscription, with retries, and disables a subscription after repeated failures.
 */
package dev.curation.command.webhook;
