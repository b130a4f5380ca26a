package dev.curation.core.document;

import java.util.ArrayList;
import java.util.List;

/** Splits text into lines the way CommonMark counts them ({@code \n}, {@code \r\n} or a lone {@code \r}), keeping each terminator. */
public final class Lines {

    private Lines() {
    }

    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The line without its terminator. */
    public static String content(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** The line's terminator, empty for a last line without one. */
    public static String terminator(String line) {
        return line.substring(content(line).length());
    }
}
