/**
 * Cross-cutting HTTP concerns of the command service: body limits, security (HTTP Basic, roles,
 * throttled sign-in failures), Idempotency-Key, and problem+json errors that never name Java classes.
 */
package dev.curation.command.web;
