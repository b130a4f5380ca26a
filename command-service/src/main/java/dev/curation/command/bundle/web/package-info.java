/** The HTTP side of list bundles: {@code GET /api/lists/{slug}/export} and the NDJSON form of {@code POST /api/lists}. */
@NullMarked
package dev.curation.command.bundle.web;

import org.jspecify.annotations.NullMarked;
