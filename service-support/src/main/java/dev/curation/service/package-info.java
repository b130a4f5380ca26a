/**
 * What the command service and the query service do the same way at their edges, written once:
 * stopping with the launcher, the operations token, and how refusals appear in their OpenAPI
 * documents. Spring web only; no domain code. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.curation.service;

import org.jspecify.annotations.NullMarked;
