package dev.curation.web.propose;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The propose page's content.
 *
 * @param slug         the list
 * @param form         the form's values (as typed, or filled in from the entry)
 * @param sections     the list's topics in order
 * @param entry        the entry an edit, move or removal is about; null when adding
 * @param entryTopic   that entry's topic title
 * @param alert        the refusal's message (the API's own words, or ours), null when none
 * @param alertField   the form field the message names, null when none
 */
public record ProposeView(String slug, ProposeForm form, List<SectionOption> sections, @Nullable TargetEntry entry,
                          String entryTopic, @Nullable String alert, @Nullable String alertField) {

    /** The id of the message next to {@code field}, for its aria-describedby; null when it has none. */
    public @Nullable String errorId(String field) {
        return field.equals(alertField) ? field + "-error" : null;
    }

    public boolean invalid(String field) {
        return field.equals(alertField);
    }
}
