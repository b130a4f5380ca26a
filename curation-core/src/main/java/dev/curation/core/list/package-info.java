/**
 * The curated list as an event-sourced concept: its commands, its events (the published
 * contract, versioned with {@link dev.curation.core.list.EventRevision}), and {@link
 * dev.curation.core.list.ListFold}, the one fold from events to document that the write side
 * and the read side both use.
 * Nothing here is null unless marked {@code @Nullable} (checked by NullAway at compile time).
 */
@NullMarked
package dev.curation.core.list;

import org.jspecify.annotations.NullMarked;
