/**
 * The review pages: the queue of open proposals (live from the list's change stream, relayed to
 * the browser as server-sent events) and one proposal with its changes per entry (word-level
 * highlights), its Markdown diff, revisions, threaded comments and the review actions the
 * person's role and the list's review policy allow.
 */
@NullMarked
package dev.curation.web.review;

import org.jspecify.annotations.NullMarked;
