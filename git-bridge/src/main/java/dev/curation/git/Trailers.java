package dev.curation.git;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.FooterLine;

/**
 * Commit message trailers, written and read the way git does. A trailer block is the last
 * paragraph of a message, after a blank line, and never the subject paragraph.
 *
 * <p>{@link #append} adds trailers as {@code git interpret-trailers --trailer} would: trailing
 * white space of the message is trimmed; when its last paragraph (not the subject) already is a
 * trailer block (every line a {@code Key: value}, or the indented continuation of one), the new
 * lines join it; otherwise a blank line opens a new block. The result ends with a newline.
 * {@link #of} reads them back with JGit's footer parser.
 */
public final class Trailers {

    /** The list a commit published by the bridge belongs to (its slug). */
    public static final String CURATION_LIST = "Curation-List";
    /** The list version the commit carries (the bridge's own commits have it: nothing echoes back). */
    public static final String CURATION_VERSION = "Curation-Version";
    /** The proposal the version came from. */
    public static final String PROPOSAL = "Proposal";
    /** Who accepted the proposal. */
    public static final String REVIEWED_BY = "Reviewed-by";
    /** GitHub's convention for further authors. */
    public static final String CO_AUTHORED_BY = "Co-authored-by";

    private static final Pattern TRAILER_LINE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*:.*");

    private Trailers() {
    }

    /** The message with the trailers at its end (the message unchanged, trimmed and newline-ended, when there are none). */
    public static String append(String message, List<Trailer> trailers) {
        String text = message.stripTrailing();
        StringBuilder out = new StringBuilder(text);
        if (!trailers.isEmpty()) {
            if (!text.isEmpty()) {
                out.append(endsWithTrailerBlock(text) ? "\n" : "\n\n");
            }
            for (int i = 0; i < trailers.size(); i++) {
                out.append(i == 0 ? "" : "\n").append(trailers.get(i));
            }
        }
        return out.isEmpty() ? "" : out.append('\n').toString();
    }

    /** The trailers of the message's last paragraph, in order; none for a message of one paragraph. */
    public static List<Trailer> of(String message) {
        String text = message.replace("\r\n", "\n").strip();
        if (!text.contains("\n\n")) {
            return List.of();
        }
        List<Trailer> trailers = new ArrayList<>();
        for (FooterLine line : FooterLine.fromMessage(text)) {
            String value = line.getValue().replace('\n', ' ').replace('\r', ' ');
            trailers.add(new Trailer(line.getKey(), value));
        }
        return List.copyOf(trailers);
    }

    /** The values of trailers with the key (matched without regard to case), in order. */
    public static List<String> values(String message, String key) {
        return of(message).stream().filter(t -> t.is(key)).map(Trailer::value).toList();
    }

    private static boolean endsWithTrailerBlock(String text) {
        int start = text.lastIndexOf("\n\n");
        if (start < 0) {
            return false; // one paragraph: the subject (and maybe its body) is never a trailer block
        }
        String[] lines = text.substring(start + 2).split("\n", -1);
        if (lines.length == 0 || !TRAILER_LINE.matcher(lines[0]).matches()) {
            return false;
        }
        for (String line : lines) {
            if (!TRAILER_LINE.matcher(line).matches() && !(line.startsWith(" ") || line.startsWith("\t"))) {
                return false;
            }
        }
        return true;
    }
}
