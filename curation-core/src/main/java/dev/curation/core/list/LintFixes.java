package dev.curation.core.list;

import dev.curation.core.document.Block;
import dev.curation.core.document.Entry;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Section;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.LintRule;
import dev.curation.core.lint.ListLinter;
import dev.curation.core.lint.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The edits that fix a list's problems of the fixable rules, as plain edits a proposal carries:
 * each touches only the lines with a problem. Alphabetical order moves entries within their topic
 * (moveLink); a separator other than {@code " - "} is normalised by restating the description
 * (editLink with the same description); a description gets its capital letter or its full stop;
 * a heading loses its trailing punctuation (renameSection).
 */
public final class LintFixes {

    /** The rules a fix proposal can fix, in the order their edits are made. */
    public static final List<LintRule> FIXABLE = List.of(LintRule.SEPARATOR, LintRule.DESCRIPTION_CAPITAL,
            LintRule.DESCRIPTION_PUNCTUATION, LintRule.HEADING_PUNCTUATION, LintRule.ALPHABETICAL);

    private static final String HEADING_PUNCTUATION = ".,:;!?。，：；！？";

    private LintFixes() {
    }

    /** What was fixed: the edits and, per rule, how many problems they fix. */
    public record Fixes(List<EditSpec> edits, Map<String, Integer> fixed) {

        public String rationale() {
            StringBuilder text = new StringBuilder("Lint fixes:");
            fixed.forEach((rule, count) -> text.append(' ').append(rule).append(" (").append(count).append("),"));
            text.setLength(text.length() - 1);
            return text.append('.').toString();
        }
    }

    /**
     * The fixes of {@code ruleIds} (all fixable rules when empty) for {@code document}; rules off in
     * the profile are checked as warnings, since a curator asked for them.
     *
     * @throws InputException.Invalid naming a rule that does not exist or cannot be fixed
     */
    public static Fixes of(ListDocument document, LintProfile profile, List<String> ruleIds) {
        Set<LintRule> rules = new LinkedHashSet<>();
        for (String id : ruleIds) {
            LintRule rule = LintRule.byId(id).orElseThrow(() -> new InputException.Invalid("rules", "no rule '" + id + "'"));
            if (!FIXABLE.contains(rule)) {
                throw new InputException.Invalid("rules", "'" + id + "' cannot be fixed by a proposal; fixable: "
                        + FIXABLE.stream().map(LintRule::id).toList());
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            FIXABLE.stream().filter(profile::checks).forEach(rules::add);
        }
        Map<LintRule, Severity> checked = new EnumMap<>(LintRule.class);
        rules.forEach(rule -> checked.put(rule, profile.checks(rule) ? profile.severity(rule) : Severity.WARNING));
        List<LintProblem> problems = ListLinter.lint(document, new LintProfile(checked, profile.sameUrlInSections()));

        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Section> sections = new LinkedHashMap<>();
        index(document.preamble(), document.sections(), entries, sections);
        List<EditSpec> edits = new ArrayList<>();
        Map<String, Integer> fixed = new LinkedHashMap<>();
        // per entry: an editLink restating its description (which writes " - ") for the separator,
        // then one with the fixed description (which keeps the separator the line has by then)
        Set<String> separators = new LinkedHashSet<>();
        Map<String, String[]> descriptions = new LinkedHashMap<>();
        for (LintProblem problem : problems) {
            String item = problem.item();
            LintRule rule = LintRule.byId(problem.rule()).orElseThrow();
            if (item == null) {
                continue;
            }
            switch (rule) {
                case SEPARATOR -> {
                    Entry entry = entries.get(item);
                    if (entry != null && separators.add(item)) {
                        edits.add(new EditSpec("editLink", null, item, null, null, null, null, null, entry.description(), null,
                                null));
                        fixed.merge(rule.id(), 1, Integer::sum);
                    }
                }
                case DESCRIPTION_CAPITAL, DESCRIPTION_PUNCTUATION -> {
                    Entry entry = entries.get(item);
                    if (entry != null) {
                        String[] description = descriptions.computeIfAbsent(item, i -> new String[] {entry.description()});
                        description[0] = fix(rule, description[0]);
                        fixed.merge(rule.id(), 1, Integer::sum);
                    }
                }
                case HEADING_PUNCTUATION -> {
                    Section section = sections.get(item);
                    String title = section == null ? "" : stripPunctuation(section.title());
                    if (!title.isEmpty()) {
                        edits.add(new EditSpec("renameSection", item, null, null, null, null, title, null, null, null, null));
                        fixed.merge(rule.id(), 1, Integer::sum);
                    }
                }
                default -> {
                }
            }
        }
        descriptions.forEach((entry, description) -> edits.add(
                new EditSpec("editLink", null, entry, null, null, null, null, null, description[0], null, null)));
        if (rules.contains(LintRule.ALPHABETICAL)) {
            for (Section section : sections.values()) {
                int moved = sort(section, edits);
                if (moved > 0) {
                    fixed.merge(LintRule.ALPHABETICAL.id(), moved, Integer::sum);
                }
            }
        }
        return new Fixes(List.copyOf(edits), fixed);
    }

    private static String fix(LintRule rule, String description) {
        return switch (rule) {
            case DESCRIPTION_CAPITAL -> description.substring(0, Character.charCount(description.codePointAt(0))).toUpperCase(Locale.ROOT)
                    + description.substring(Character.charCount(description.codePointAt(0)));
            case DESCRIPTION_PUNCTUATION -> description.strip() + ".";
            default -> description;
        };
    }

    private static String stripPunctuation(String title) {
        String t = title.strip();
        int end = t.length();
        while (end > 0 && HEADING_PUNCTUATION.indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end).strip();
    }

    /**
     * Moves the topic's entries into alphabetical order with as few moves as it takes: the longest
     * run of entries already in order stays, each other one moves right after the entry that
     * comes before it in the order (or to the top).
     */
    private static int sort(Section section, List<EditSpec> edits) {
        List<Entry> order = section.blocks().stream().filter(Entry.class::isInstance).map(Entry.class::cast).toList();
        List<Entry> sorted = order.stream().sorted(Comparator.comparing(ListLinter::sortKey)).toList();
        if (sorted.equals(order)) {
            return 0;
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            rank.put(sorted.get(i).id(), i);
        }
        Set<String> staying = longestInOrder(order, rank);
        List<String> now = new ArrayList<>(order.stream().map(Entry::id).toList());
        int moved = 0;
        for (int k = 0; k < sorted.size(); k++) {
            String id = sorted.get(k).id();
            if (staying.contains(id)) {
                continue;
            }
            // positions count among the topic's entries once the moved one has left (ListEditor)
            now.remove(id);
            int position = k == 0 ? 0 : now.indexOf(sorted.get(k - 1).id()) + 1;
            now.add(position, id);
            edits.add(new EditSpec("moveLink", section.id(), id, null, null, position, null, null, null, null, null));
            moved++;
        }
        return moved;
    }

    /** The ids of a longest subsequence of {@code order} whose ranks increase (O(n^2); topics are small). */
    private static Set<String> longestInOrder(List<Entry> order, Map<String, Integer> rank) {
        int n = order.size();
        int[] ranks = order.stream().mapToInt(e -> rank.getOrDefault(e.id(), 0)).toArray();
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = 0;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (ranks[j] < ranks[i] && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (length[i] > length[best]) {
                best = i;
            }
        }
        Set<String> staying = new LinkedHashSet<>();
        for (int i = best; i >= 0; i = previous[i]) {
            staying.add(order.get(i).id());
        }
        return staying;
    }

    private static void index(List<Block> blocks, List<Section> children, Map<String, Entry> entries, Map<String, Section> sections) {
        for (Block block : blocks) {
            if (block instanceof Entry entry) {
                entries.put(entry.id(), entry);
            }
        }
        for (Section section : children) {
            sections.put(section.id(), section);
            index(section.blocks(), section.sections(), entries, sections);
        }
    }
}
