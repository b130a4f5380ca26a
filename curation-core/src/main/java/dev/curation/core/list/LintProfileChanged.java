package dev.curation.core.list;

import java.util.Map;

/**
 * A curator set the list's lint profile. {@code rules} holds every rule id with its severity,
 * {@code error}, {@code warning} or {@code off}: the whole profile, so the event means the same
 * whatever later releases make the defaults. It changes no content and makes no version.
 */
@EventRevision("1")
public record LintProfileChanged(String listId, Map<String, String> rules, boolean sameUrlInSections, String by)
        implements ListEvent {

    public LintProfileChanged {
        rules = Map.copyOf(rules);
    }
}
