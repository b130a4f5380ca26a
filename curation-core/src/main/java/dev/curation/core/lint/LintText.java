package dev.curation.core.lint;

import java.net.URI;
import java.net.URISyntaxException;

/** How the lint rules read text: where a sentence or heading ends, what separates a description, how a value is quoted. */
final class LintText {

    static final String END_PUNCTUATION = ".!?…。！？";
    static final String HEADING_PUNCTUATION = ".,:;!?。，：；！？";
    /** Characters that may close a sentence after its punctuation: ")." and ".)" both end one. */
    static final String CLOSERS = ")]\"'”’*_`»」』";

    private LintText() {
    }

    static boolean absolute(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && (uri.getHost() != null || uri.isOpaque());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String separatorOf(String rest) {
        int end = 0;
        while (end < rest.length() && end < 4 && !Character.isLetterOrDigit(rest.charAt(end))) {
            end++;
        }
        return rest.substring(0, end);
    }

    static boolean endsWithPunctuation(String text) {
        String t = text.strip();
        int end = t.length();
        while (end > 0 && CLOSERS.indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && END_PUNCTUATION.indexOf(t.charAt(end - 1)) >= 0;
    }

    static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "'" + shown + "'";
    }
}
