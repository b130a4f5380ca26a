package dev.curation.core.document;

import java.util.List;

/**
 * Writes a document back to Markdown: every block and heading contributes its raw characters,
 * in document order. Unedited documents therefore come out exactly as they were read.
 */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(ListDocument document) {
        StringBuilder out = new StringBuilder();
        document.preamble().forEach(b -> out.append(b.raw()));
        write(document.sections(), out);
        return out.toString();
    }

    private static void write(List<Section> sections, StringBuilder out) {
        for (Section section : sections) {
            out.append(section.heading());
            section.blocks().forEach(b -> out.append(b.raw()));
            write(section.sections(), out);
        }
    }
}
