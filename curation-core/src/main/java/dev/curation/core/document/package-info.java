/**
 * The list document and its Markdown form. A document is a preamble plus a tree of sections;
 * section bodies are ordered blocks (link entries and raw text). Every block keeps the exact
 * characters it was read from, so writing an unedited document gives back the input byte for
 * byte, and an edit can change only the lines it touches.
 * Nothing here is null unless marked {@code @Nullable} (checked by NullAway at compile time).
 */
@NullMarked
package dev.curation.core.document;

import org.jspecify.annotations.NullMarked;
