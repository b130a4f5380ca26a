package dev.curation.core.edit;

import dev.curation.core.document.Block;
import dev.curation.core.document.Entry;
import dev.curation.core.document.EntryLine;
import dev.curation.core.document.Lines;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Renders lines the way their neighbours are written: bullet, separator, line ending, heading style. */
final class LineStyle {

    private static final Pattern ORDERED = Pattern.compile("([ \\t]*)(\\d{1,9})([.)][ \\t]+)");
    private static final Pattern ATX = Pattern.compile("( {0,3}#{1,6})([ \\t]*)(.*?)((?:[ \\t]+#+)?[ \\t]*)");

    private LineStyle() {
    }

    /** A new link line styled after {@code neighbour} (the entry before it, else after it), or plain {@code "- "}. */
    static String link(@Nullable Entry neighbour, boolean after, String title, String url, @Nullable String description,
                       String lineEnding) {
        String marker = "- ";
        String separator = " - ";
        String ending = lineEnding;
        if (neighbour != null) {
            EntryLine line = EntryLine.parse(neighbour.raw()).orElseThrow();
            marker = after ? nextMarker(line.marker()) : line.marker();
            String neighbourSeparator = line.separator();
            if (neighbourSeparator != null) {
                separator = neighbourSeparator;
            }
            String neighbourEnding = Lines.terminator(neighbour.raw());
            if (!neighbourEnding.isEmpty()) {
                ending = neighbourEnding;
            }
        }
        String rest = description == null || description.isEmpty() ? "" : separator + description;
        return marker + link(title, url) + rest + ending;
    }

    /** The same entry line with new values; the marker, separator, trailing text and line ending are kept. */
    static String relink(Entry entry, String title, String url, @Nullable String description) {
        EntryLine line = EntryLine.parse(entry.raw()).orElseThrow();
        String rest;
        if (description == null) {
            rest = line.rest();
        } else if (description.isEmpty()) {
            rest = "";
        } else {
            // a description restated as it is asks for the usual separator (a lint fix); a new
            // description keeps the one the line has
            String separator = line.separator();
            rest = (separator == null || description.equals(line.description()) ? " - " : separator) + description;
        }
        return line.marker() + link(title, url) + rest + Lines.terminator(entry.raw());
    }

    static String link(String title, String url) {
        return "[" + title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]") + "](" + destination(url) + ")";
    }

    private static String destination(String url) {
        int depth = 0;
        for (char c : url.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                break;
            }
        }
        return depth == 0 && url.indexOf(' ') < 0 && url.indexOf('<') < 0 ? url : "<" + url + ">";
    }

    private static String nextMarker(String marker) {
        Matcher m = ORDERED.matcher(marker);
        if (m.matches()) {
            return m.group(1) + (Long.parseLong(m.group(2)) + 1) + m.group(3);
        }
        return marker;
    }

    static String atxHeading(int level, String title, String lineEnding) {
        return "#".repeat(level) + " " + title + lineEnding;
    }

    /** The heading with a new title: ATX keeps its hashes, spacing and closing sequence; setext keeps its underline. */
    static String retitle(String heading, String title) {
        List<String> lines = Lines.split(heading);
        String first = lines.getFirst();
        Matcher m = ATX.matcher(Lines.content(first));
        if (lines.size() == 1 && m.matches()) {
            String gap = m.group(2).isEmpty() ? " " : m.group(2);
            return m.group(1) + gap + title + m.group(4) + Lines.terminator(first);
        }
        return title + Lines.terminator(first) + lines.getLast();
    }

    /** The heading at another level: ATX changes its hashes; setext swaps its underline, or becomes ATX below level 2. */
    static String relevel(String heading, String title, int level) {
        List<String> lines = Lines.split(heading);
        String first = lines.getFirst();
        Matcher m = ATX.matcher(Lines.content(first));
        if (lines.size() == 1 && m.matches()) {
            String indent = m.group(1).substring(0, m.group(1).indexOf('#'));
            String gap = m.group(2).isEmpty() && !m.group(3).isEmpty() ? " " : m.group(2);
            return indent + "#".repeat(level) + gap + m.group(3) + m.group(4) + Lines.terminator(first);
        }
        if (level <= 2) {
            String underline = lines.getLast();
            String content = Lines.content(underline);
            char mark = level == 1 ? '=' : '-';
            String swapped = content.replace(content.strip().charAt(0), mark);
            return String.join("", lines.subList(0, lines.size() - 1)) + swapped + Lines.terminator(underline);
        }
        return atxHeading(level, title, Lines.terminator(first));
    }

    static boolean isBlank(Block block) {
        return block.raw().isBlank();
    }
}
