/**
 * A list as a reader sees it: its topics and entries, lint problems and link health marked on the
 * entries they concern, who added each entry, a filter, and per entry the ways to propose a change.
 * One structure read (with link health), the lint report and the blame, read at once; no call per entry.
 */
@NullMarked
package dev.curation.web.list;

import org.jspecify.annotations.NullMarked;
