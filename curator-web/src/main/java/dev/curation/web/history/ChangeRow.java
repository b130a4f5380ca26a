package dev.curation.web.history;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry or topic a revert would change, as the check names it: its change (ADDED, REMOVED,
 * MOVED, EDITED), its title (people's words, escaped by the template), the topic it leaves and
 * the one it goes to (titles; for a moved entry or topic), and for an edit which fields change.
 *
 * @param fields for an edited entry: title, url, description; for a topic: title, level
 */
public record ChangeRow(String change, String id, String title, @Nullable String from, @Nullable String to,
                        List<String> fields) {

    /** The message key of this change of an entry ({@code revert.entry.MOVED}) or a topic. */
    public String key(String what) {
        return "revert." + what + "." + change;
    }
}
