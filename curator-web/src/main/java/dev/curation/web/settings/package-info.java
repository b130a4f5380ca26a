/**
 * A list's settings, for its owners: members and roles, the review policy, the lint profile and
 * webhooks (the signing secret shown once, on the answer to subscribing, and kept nowhere here).
 * Each setting is its own small form; a refusal is shown next to it in the API's words.
 */
@NullMarked
package dev.curation.web.settings;

import org.jspecify.annotations.NullMarked;
