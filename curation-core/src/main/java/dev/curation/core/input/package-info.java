/**
 * The input contract of the write side: what a command may carry before any event exists.
 * Free text without control characters, noncharacters or lone surrogates, bounded lengths,
 * bounded change sets, and Markdown imports that cannot poison the log (no NUL, bounded lines).
 * Everything refused here is refused with the field (or line and byte offset) named. Nothing
 * here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.curation.core.input;

import org.jspecify.annotations.NullMarked;
