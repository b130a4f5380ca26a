package dev.curation.core.document;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a document back to Markdown: every block and heading contributes its raw characters,
 * in document order. Unedited documents therefore come out exactly as they were read. After an
 * edit, the one line that may lack a terminator (a file's unterminated last line) can end up
 * followed by other lines; it then gets the document's line ending, so lines never merge.
 */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(ListDocument document) {
        Out out = new Out();
        document.preamble().forEach(b -> out.append(b.raw()));
        write(document.sections(), out);
        return out.text.toString();
    }

    /** The raw lines of nodes in document order, joined as {@link #write} joins them. */
    public static String join(List<String> raws) {
        Out out = new Out();
        raws.forEach(out::append);
        return out.text.toString();
    }

    private static void write(List<Section> sections, Out out) {
        for (Section section : sections) {
            out.append(section.heading());
            section.blocks().forEach(b -> out.append(b.raw()));
            write(section.sections(), out);
        }
    }

    private static final class Out {
        private final StringBuilder text = new StringBuilder();
        private @Nullable String lineEnding;

        void append(String raw) {
            if (raw.isEmpty()) {
                return;
            }
            int length = text.length();
            if (length > 0 && text.charAt(length - 1) != '\n' && text.charAt(length - 1) != '\r') {
                text.append(lineEnding == null ? "\n" : lineEnding);
            }
            if (lineEnding == null) {
                String ending = Lines.terminator(Lines.split(raw).getFirst());
                lineEnding = ending.isEmpty() ? null : ending;
            }
            text.append(raw);
        }
    }
}
