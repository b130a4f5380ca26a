package dev.curation.core.document;

/**
 * One part of a section body (or of the preamble): either a link entry or raw text. {@code raw}
 * holds the exact characters of the block's lines, line terminators included.
 */
public sealed interface Block permits Entry, Text {

    String id();

    String raw();
}
