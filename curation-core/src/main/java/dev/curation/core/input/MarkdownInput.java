package dev.curation.core.input;

/**
 * What an imported Markdown file may hold. Everything is accepted byte for byte (the export must
 * give it back), except what would poison the pipeline: NUL, which PostgreSQL cannot store as
 * text; lone surrogates, which UTF-8 cannot carry; and lines or files beyond the limits. A refusal
 * names the line (1-based) and the byte offset (0-based, in the UTF-8 body).
 */
public final class MarkdownInput {

    static final String FIELD = "markdown";

    private MarkdownInput() {
    }

    public static void check(String markdown, InputLimits limits) {
        int line = 1;
        long offset = 0;
        long lineStart = 0;
        int n = markdown.length();
        for (int i = 0; i < n; i++) {
            char c = markdown.charAt(i);
            if (c == '\n' || c == '\r') {
                lineEnds(line, lineStart, offset, limits);
                if (c == '\r' && i + 1 < n && markdown.charAt(i + 1) == '\n') {
                    i++;
                    offset++;
                }
                offset++;
                line++;
                lineStart = offset;
                if (line > limits.maxLines() && i + 1 < n) {
                    throw new InputException.TooLarge(FIELD, "the file has more than " + limits.maxLines()
                            + " lines (curation.limits.max-lines); line " + line + " starts at byte offset " + offset);
                }
                continue;
            }
            if (c == 0) {
                throw new InputException.Invalid(FIELD, "line " + line + ", byte offset " + offset
                        + ": NUL (U+0000) cannot be stored; remove it");
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(markdown.charAt(i + 1))) {
                offset += 4;
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new InputException.Invalid(FIELD, "line " + line + ", byte offset " + offset
                        + ": a lone surrogate (U+" + String.format("%04X", (int) c) + ") is not valid UTF-8");
            }
            offset += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        lineEnds(line, lineStart, offset, limits);
    }

    private static void lineEnds(int line, long start, long end, InputLimits limits) {
        if (end - start > limits.maxLineBytes()) {
            throw new InputException.TooLarge(FIELD, "line " + line + " (starting at byte offset " + start + ") is "
                    + (end - start) + " bytes long, over the limit of " + limits.maxLineBytes()
                    + " bytes (curation.limits.max-line-bytes)");
        }
    }
}
