/** HTTP access to webhooks: subscribe, list, remove, turn on again, and the delivery log (curators). */
package dev.curation.command.webhook.web;
