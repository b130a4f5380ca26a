package dev.curation.web.list;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry as the list page draws it, everything worked out before the template runs.
 *
 * @param id          the entry's id, also its anchor
 * @param title       its title as written (shown as text)
 * @param href        the link target, only when it is safe to follow (http, https, mailto); else null
 * @param url         the URL as written, also an unsafe one (shown as text); null when there is none
 * @param host        the URL's host, for the reader's eye; null when it has none
 * @param description its description, possibly empty
 * @param unsafe      the API marked the target unsafe (javascript:, data:, ...)
 * @param link        link health when not ok: failing, dead or redirected; else null
 * @param problems    lint problems on this entry
 * @param blame       who added it, or null when the API does not say
 */
public record EntryView(String id, String title, @Nullable String href, @Nullable String url, @Nullable String host,
                        String description, boolean unsafe, @Nullable String link, List<LintMark> problems,
                        @Nullable Blame blame) {

    /** Whether the filter text {@code needle} (lower case) occurs in the title, description or URL. */
    boolean matches(String needle) {
        return Filter.contains(title, needle) || Filter.contains(description, needle)
                || (url != null && Filter.contains(url, needle));
    }
}
