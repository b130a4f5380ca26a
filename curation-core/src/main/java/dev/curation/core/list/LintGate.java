package dev.curation.core.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.LintRule;
import dev.curation.core.lint.ListLinter;
import dev.curation.core.lint.Severity;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a change that adds an error: the document after the change's events is checked, and
 * only when it has errors is the document before checked too, so a list that already breaks a
 * rule can still be changed elsewhere. A problem counts as added when the document after has more
 * of its (rule, item) than the document before.
 */
public final class LintGate {

    private LintGate() {
    }

    /**
     * @throws ListRuleException.LintErrors naming each added error
     */
    public static void check(ListDocument before, List<? extends ListEvent> events, LintProfile profile) {
        // only the rules that refuse (warnings never change the answer), and of those only the ones
        // these events can break: an addLink checked against the default profile costs nothing
        Map<LintRule, Severity> refusing = new EnumMap<>(LintRule.class);
        profile.rules().forEach((rule, severity) -> {
            if (severity == Severity.ERROR && events.stream().anyMatch(event -> mayBreak(rule, event))) {
                refusing.put(rule, severity);
            }
        });
        if (refusing.isEmpty()) {
            return;
        }
        refuseAddedErrors(before, events, new LintProfile(refusing, profile.sameUrlInSections()));
    }

    private static void refuseAddedErrors(ListDocument before, List<? extends ListEvent> events, LintProfile profile) {
        ListDocument after = before.copy();
        for (ListEvent event : events) {
            after = ListFold.apply(after, event);
        }
        List<LintProblem> errors = errors(after, profile);
        if (errors.isEmpty()) {
            return;
        }
        List<LintProblem> added = ListLinter.added(errors(before, profile), errors);
        if (!added.isEmpty()) {
            throw new ListRuleException.LintErrors(added);
        }
    }

    /**
     * Whether {@code event} can add a problem of {@code rule}. Link text, URL, scheme and
     * duplicates never: the editor refuses such a link before any event exists (validation,
     * 409 duplicate-url, with the same URL comparison and the same per-topic allowance).
     */
    public static boolean mayBreak(LintRule rule, ListEvent event) {
        boolean link = event instanceof LinkAdded || event instanceof LinkEdited;
        boolean section = event instanceof SectionAdded || event instanceof SectionRenamed || event instanceof SectionMoved
                || event instanceof SectionRemoved;
        return switch (rule) {
            case LINK_TEXT, LINK_URL, UNSAFE_LINK, DOUBLE_LINK -> false;
            case SEPARATOR, DESCRIPTION_CAPITAL, DESCRIPTION_PUNCTUATION, DESCRIPTION_REPEATS_TITLE -> link;
            case ALPHABETICAL -> link || event instanceof LinkMoved;
            case BULLET_MARKER -> link || event instanceof LinkRemoved || event instanceof SectionRemoved;
            case MAIN_HEADING, DUPLICATE_HEADING, HEADING_PUNCTUATION -> section;
            case EMPTY_SECTION -> section || event instanceof LinkRemoved || event instanceof LinkMoved
                    || event instanceof TextRemoved || event instanceof TextEdited;
            case TABLE_OF_CONTENTS -> section || link || event instanceof LinkRemoved || event instanceof LinkMoved;
        };
    }

    /**
     * The warnings a change adds, found near what it touches ({@link ListLinter#near}): take this
     * before the change's events are applied, then ask {@link Warnings#addedIn} with the document
     * after. Warnings never refuse; they come back in the answer to the change.
     */
    public static Warnings warnings(ListDocument before, List<? extends ListEvent> events, LintProfile profile) {
        Set<String> items = new LinkedHashSet<>();
        for (ListEvent event : events) {
            switch (event) {
                case LinkAdded e -> items.add(e.entry());
                case LinkEdited e -> items.add(e.entry());
                case LinkMoved e -> items.add(e.entry());
                case SectionAdded e -> items.add(e.section());
                case SectionRenamed e -> items.add(e.section());
                case SectionMoved e -> items.add(e.section());
                default -> {
                }
            }
        }
        Map<LintRule, Severity> warning = new EnumMap<>(LintRule.class);
        profile.rules().forEach((rule, severity) -> {
            if (severity == Severity.WARNING) {
                warning.put(rule, severity);
            }
        });
        LintProfile scoped = new LintProfile(warning, profile.sameUrlInSections());
        if (items.isEmpty() || warning.isEmpty()) {
            return new Warnings(Set.of(), scoped, List.of());
        }
        return new Warnings(Set.copyOf(items), scoped, ListLinter.near(before, scoped, items));
    }

    /** The warnings near a change's items before it: what the change did not add. */
    public record Warnings(Set<String> items, LintProfile profile, List<LintProblem> before) {

        public List<LintProblem> addedIn(ListDocument after) {
            if (items.isEmpty()) {
                return List.of();
            }
            List<LintProblem> now = ListLinter.near(after, profile, items);
            return now.isEmpty() ? List.of() : ListLinter.added(before, now);
        }
    }

    private static List<LintProblem> errors(ListDocument document, LintProfile profile) {
        return ListLinter.lint(document, profile).stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

}
