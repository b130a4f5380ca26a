package dev.curation.core.input;

/**
 * Configured bounds of the write side's input.
 *
 * @param maxEdits      edits in one change set or proposal
 * @param maxLineBytes  bytes (UTF-8) of one line of an imported Markdown file
 * @param maxLines      lines of an imported Markdown file
 * @param maxEventBytes bytes of one stored event's JSON payload; must stay well below the topic's
 *                      {@code max.message.bytes} so that every stored event can be published
 */
public record InputLimits(int maxEdits, int maxLineBytes, int maxLines, int maxEventBytes) {

    public static final InputLimits DEFAULTS = new InputLimits(500, 64 * 1024, 200_000, 1024 * 1024);

    public InputLimits {
        if (maxEdits < 1 || maxLineBytes < 1 || maxLines < 1 || maxEventBytes < 16 * 1024) {
            throw new IllegalArgumentException("input limits must be positive and events at least 16 KiB: " + maxEdits
                    + ", " + maxLineBytes + ", " + maxLines + ", " + maxEventBytes);
        }
    }

    /** Import content is cut into events of about this many bytes. */
    public int importPartBytes() {
        return maxEventBytes / 4;
    }

    /** The largest single block (line, code fence, HTML block) an import event may carry. */
    public int maxBlockBytes() {
        return maxEventBytes / 2;
    }
}
