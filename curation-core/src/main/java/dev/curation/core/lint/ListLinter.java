package dev.curation.core.lint;

import dev.curation.core.document.Block;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.Entry;
import dev.curation.core.document.EntryLine;
import dev.curation.core.document.LinkSafety;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Parent;
import dev.curation.core.document.Section;
import dev.curation.core.document.Text;
import dev.curation.core.document.UrlKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Checks a document against a profile and reports every problem, in document order. Pure: the
 * same document and profile always give the same report, on the write side (to refuse a change
 * that adds an error) and on the read side (to report a version).
 */
public final class ListLinter {

    private final ListDocument document;
    private final LintProfile profile;
    private @Nullable Map<String, Integer> lines;
    private final List<LintProblem> problems = new ArrayList<>();

    private ListLinter(ListDocument document, LintProfile profile) {
        this.document = document;
        this.profile = profile;
    }

    /** The line each item starts on, counted once and only when there is a problem to place. */
    private int lineOf(String item) {
        if (lines == null) {
            Map<String, Integer> counted = new HashMap<>();
            int line = 1;
            for (DocumentNode node : document.nodes()) {
                counted.put(node.id(), line);
                line += (int) node.raw().chars().filter(c -> c == '\n').count();
            }
            lines = counted;
        }
        return lines.getOrDefault(item, 1);
    }

    public static List<LintProblem> lint(ListDocument document, LintProfile profile) {
        ListLinter linter = new ListLinter(document, profile);
        linter.run();
        linter.problems.sort(Comparator.comparingInt(LintProblem::line));
        return List.copyOf(linter.problems);
    }

    /**
     * The problems about {@code items}, for the answer to a change: the rules about one entry for
     * the given entries, their place in their topic's order, and the heading rules of the given
     * topics among their siblings. It reads only those topics, so it
     * costs a change the size of its sections, not of the list; rules about the whole list
     * (double-link, bullet-marker, table-of-contents, main-heading) are in the full report only.
     */
    public static List<LintProblem> near(ListDocument document, LintProfile profile, Set<String> items) {
        ListLinter linter = new ListLinter(document, profile);
        // the items are found through the document's index, not by walking it: a change to a long
        // list costs the size of the topics it touches (walking every block twice per change was a
        // tenth of the command service's CPU on lists of a thousand entries)
        Set<Parent> entryParents = new LinkedHashSet<>();
        Set<Parent> sectionParents = new LinkedHashSet<>();
        for (String item : items) {
            if (document.block(item) instanceof Entry entry) {
                Parent parent = document.parentOfBlock(item);
                linter.entry(new Located(entry, parent, EntryLine.parse(entry.raw()).orElse(null)));
                entryParents.add(parent);
            } else if (document.section(item) != null) {
                sectionParents.add(document.parentOf(item));
            }
        }
        if (profile.checks(LintRule.ALPHABETICAL)) {
            entryParents.forEach(parent -> linter.alphabetical(document.blocksOf(parent)));
        }
        sectionParents.forEach(parent -> linter.siblings(parent, document.sectionsOf(parent)));
        // only about the items themselves: a neighbour's problem may have been there before the
        // change moved an item next to it, and the topic it was in before is not read
        linter.problems.removeIf(p -> p.item() == null || !items.contains(p.item()));
        linter.problems.sort(Comparator.comparingInt(LintProblem::line));
        return List.copyOf(linter.problems);
    }

    /**
     * The problems of {@code after} that {@code before} did not have, counted per rule and item:
     * what a change adds (an item that had one double link and now has two has one more).
     */
    public static List<LintProblem> added(List<LintProblem> before, List<LintProblem> after) {
        Map<String, Integer> had = new HashMap<>();
        before.forEach(p -> had.merge(p.rule() + " " + p.item(), 1, Integer::sum));
        List<LintProblem> added = new ArrayList<>();
        for (LintProblem problem : after) {
            if (had.merge(problem.rule() + " " + problem.item(), -1, Integer::sum) < 0) {
                added.add(problem);
            }
        }
        return List.copyOf(added);
    }

    private void run() {
        List<Located> entries = new ArrayList<>();
        collect(Parent.DOCUMENT, document.preamble(), document.sections(), entries);
        // the gate runs with its error rules only: work for rules that are off is skipped
        if (checksAny(LintRule.LINK_TEXT, LintRule.LINK_URL, LintRule.UNSAFE_LINK, LintRule.SEPARATOR,
                LintRule.DESCRIPTION_CAPITAL, LintRule.DESCRIPTION_PUNCTUATION, LintRule.DESCRIPTION_REPEATS_TITLE)) {
            entries.forEach(this::entry);
        }
        doubleLinks(entries);
        if (profile.checks(LintRule.BULLET_MARKER)) {
            bulletMarkers(entries);
        }
        mainHeading();
        headings(Parent.DOCUMENT, document.sections());
        tableOfContents(entries);
        if (profile.checks(LintRule.ALPHABETICAL)) {
            alphabetical(document.preamble());
            walk(document.sections(), s -> alphabetical(s.blocks()));
        }
    }

    private boolean checksAny(LintRule... rules) {
        for (LintRule rule : rules) {
            if (profile.checks(rule)) {
                return true;
            }
        }
        return false;
    }

    /** An entry with the topic it is in. */
    private record Located(Entry entry, Parent parent, @Nullable EntryLine line) {
    }

    private void collect(Parent parent, List<Block> blocks, List<Section> sections, List<Located> entries) {
        for (Block block : blocks) {
            if (block instanceof Entry entry) {
                entries.add(new Located(entry, parent, EntryLine.parse(entry.raw()).orElse(null)));
            }
        }
        for (Section section : sections) {
            collect(Parent.section(section.id()), section.blocks(), section.sections(), entries);
        }
    }

    private void entry(Located located) {
        Entry entry = located.entry();
        EntryLine line = located.line();
        boolean bare = line != null && line.bare();
        if (!bare && entry.title().isBlank()) {
            report(LintRule.LINK_TEXT, entry.id(), "entry " + entry.id() + " links to " + LintText.quote(entry.url()) + " without link text");
        }
        String url = entry.url().strip();
        if (url.isEmpty()) {
            report(LintRule.LINK_URL, entry.id(), "entry " + entry.id() + " " + LintText.quote(entry.title()) + " has an empty link");
        } else if (LinkSafety.unsafe(url)) {
            report(LintRule.UNSAFE_LINK, entry.id(), "entry " + entry.id() + " " + LintText.quote(entry.title())
                    + " links with an unsafe scheme: " + LintText.quote(url));
        } else if (profile.checks(LintRule.LINK_URL) && !url.startsWith("#") && !LintText.absolute(url)) {
            report(LintRule.LINK_URL, entry.id(), "entry " + entry.id() + " " + LintText.quote(entry.title())
                    + " has a URL that is not absolute: " + LintText.quote(url));
        }
        String description = entry.description();
        if (description.isEmpty() || line == null || !checksAny(LintRule.SEPARATOR, LintRule.DESCRIPTION_CAPITAL,
                LintRule.DESCRIPTION_PUNCTUATION, LintRule.DESCRIPTION_REPEATS_TITLE)) {
            return;
        }
        if (!line.rest().startsWith(" - ")) {
            report(LintRule.SEPARATOR, entry.id(), "entry " + entry.id() + " " + LintText.quote(entry.title())
                    + " separates its description with " + LintText.quote(LintText.separatorOf(line.rest())) + " instead of ' - '");
        }
        int first = description.codePointAt(0);
        if (Character.isLetter(first) && Character.isLowerCase(first)) {
            report(LintRule.DESCRIPTION_CAPITAL, entry.id(), "the description of entry " + entry.id() + " "
                    + LintText.quote(entry.title()) + " starts with a lower-case letter");
        }
        if (!LintText.endsWithPunctuation(description)) {
            report(LintRule.DESCRIPTION_PUNCTUATION, entry.id(), "the description of entry " + entry.id() + " "
                    + LintText.quote(entry.title()) + " does not end with punctuation");
        }
        String title = entry.title().strip().toLowerCase(Locale.ROOT);
        if (title.length() >= 3 && description.toLowerCase(Locale.ROOT).startsWith(title)) {
            report(LintRule.DESCRIPTION_REPEATS_TITLE, entry.id(), "the description of entry " + entry.id() + " "
                    + LintText.quote(entry.title()) + " starts by repeating its link text");
        }
    }

    private void doubleLinks(List<Located> entries) {
        if (!profile.checks(LintRule.DOUBLE_LINK)) {
            return;
        }
        Map<String, Entry> first = new HashMap<>();
        for (Located located : entries) {
            String url = located.entry().url().strip();
            if (url.isEmpty() || url.startsWith("#")) {
                continue;
            }
            String key = UrlKey.of(url) + (profile.sameUrlInSections() ? " in " + located.parent() : "");
            Entry earlier = first.putIfAbsent(key, located.entry());
            if (earlier != null) {
                report(LintRule.DOUBLE_LINK, located.entry().id(), "entry " + located.entry().id() + " "
                        + LintText.quote(located.entry().title()) + " links to the same page as entry " + earlier.id() + " "
                        + LintText.quote(earlier.title()) + ": " + LintText.quote(url));
            }
        }
    }

    private void bulletMarkers(List<Located> entries) {
        Map<Character, Integer> counts = new LinkedHashMap<>();
        for (Located located : entries) {
            bullet(located).ifPresent(b -> counts.merge(b, 1, Integer::sum));
        }
        if (counts.size() < 2) {
            return;
        }
        char usual = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        for (Located located : entries) {
            bullet(located).filter(b -> b != usual).ifPresent(b -> report(LintRule.BULLET_MARKER, located.entry().id(),
                    "entry " + located.entry().id() + " " + LintText.quote(located.entry().title()) + " uses the bullet '" + b
                            + "' where the list uses '" + usual + "'"));
        }
    }

    private static Optional<Character> bullet(Located located) {
        EntryLine line = located.line();
        String marker = line == null ? "" : line.marker().strip();
        return marker.length() == 1 && "*+-".indexOf(marker.charAt(0)) >= 0 ? Optional.of(marker.charAt(0)) : Optional.empty();
    }

    private void mainHeading() {
        List<Section> top = new ArrayList<>();
        walk(document.sections(), s -> {
            if (s.level() == 1) {
                top.add(s);
            }
        });
        if (top.size() != 1) {
            report(LintRule.MAIN_HEADING, top.size() > 1 ? top.get(1).id() : null, top.isEmpty()
                    ? "the list has no top-level heading (# Title)"
                    : "the list has " + top.size() + " top-level headings; topic " + top.get(1).id() + " "
                    + LintText.quote(top.get(1).title()) + " is the second");
        }
    }

    private void headings(Parent parent, List<Section> sections) {
        siblings(parent, sections);
        for (Section section : sections) {
            headings(Parent.section(section.id()), section.sections());
        }
    }

    /** The heading rules for topics under one parent: punctuation, a title twice, nothing inside. */
    private void siblings(Parent parent, List<Section> sections) {
        Map<String, Section> seen = new HashMap<>();
        for (Section section : sections) {
            String title = section.title().strip();
            if (!title.isEmpty() && LintText.HEADING_PUNCTUATION.indexOf(title.charAt(title.length() - 1)) >= 0) {
                report(LintRule.HEADING_PUNCTUATION, section.id(), "the heading of topic " + section.id() + " "
                        + LintText.quote(title) + " ends with punctuation");
            }
            Section earlier = seen.putIfAbsent(title.toLowerCase(Locale.ROOT), section);
            if (earlier != null) {
                report(LintRule.DUPLICATE_HEADING, section.id(), "topic " + section.id() + " has the same title as topic "
                        + earlier.id() + " under the same " + (parent == Parent.DOCUMENT ? "list" : "parent") + ": " + LintText.quote(title));
            }
            if (section.sections().isEmpty() && section.blocks().stream().allMatch(b -> b instanceof Text t && t.raw().isBlank())) {
                report(LintRule.EMPTY_SECTION, section.id(), "topic " + section.id() + " " + LintText.quote(title) + " is empty");
            }
        }
    }

    /**
     * Anchor links must name a heading (GitHub's anchors); when there is a table of contents (three
     * or more anchor links), every topic of the shallowest level it links must be in it.
     */
    private void tableOfContents(List<Located> entries) {
        if (!profile.checks(LintRule.TABLE_OF_CONTENTS)) {
            return;
        }
        Map<String, Section> anchors = new LinkedHashMap<>();
        Map<String, Integer> used = new HashMap<>();
        walk(document.sections(), s -> {
            String slug = HeadingAnchors.slug(s.title());
            int n = used.merge(slug, 1, Integer::sum) - 1;
            anchors.put(n == 0 ? slug : slug + "-" + n, s);
        });
        Set<String> linked = new HashSet<>();
        Set<String> holders = new HashSet<>();
        int anchorLinks = 0;
        for (Located located : entries) {
            String url = located.entry().url().strip();
            if (!url.startsWith("#") || url.length() < 2) {
                continue;
            }
            anchorLinks++;
            holders.add(located.parent().wireId() == null ? "" : located.parent().wireId());
            String anchor = HeadingAnchors.decode(url.substring(1)).toLowerCase(Locale.ROOT);
            Section target = anchors.get(anchor);
            if (target == null) {
                report(LintRule.TABLE_OF_CONTENTS, located.entry().id(), "entry " + located.entry().id() + " "
                        + LintText.quote(located.entry().title()) + " links to " + LintText.quote(url) + ", which names no heading");
            } else {
                linked.add(target.id());
            }
        }
        if (anchorLinks < 3 || linked.isEmpty()) {
            return;
        }
        int level = anchors.values().stream().filter(s -> linked.contains(s.id())).mapToInt(Section::level).min().orElseThrow();
        for (Section section : anchors.values()) {
            if (section.level() == level && !linked.contains(section.id()) && !holders.contains(section.id())
                    && !HeadingAnchors.isContents(section.title())) {
                report(LintRule.TABLE_OF_CONTENTS, section.id(), "topic " + section.id() + " " + LintText.quote(section.title())
                        + " is missing from the table of contents");
            }
        }
    }

    private void alphabetical(List<Block> blocks) {
        Entry previous = null;
        for (Block block : blocks) {
            if (!(block instanceof Entry entry)) {
                continue;
            }
            if (previous != null && sortKey(entry).compareTo(sortKey(previous)) < 0) {
                report(LintRule.ALPHABETICAL, entry.id(), "entry " + entry.id() + " " + LintText.quote(entry.title())
                        + " comes after " + LintText.quote(previous.title()) + ", out of alphabetical order");
            }
            previous = entry;
        }
    }

    /** The key entries are sorted by: the title without case and without leading marks such as quotes. */
    public static String sortKey(Entry entry) {
        String title = entry.title().strip().toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < title.length() && !Character.isLetterOrDigit(title.charAt(start))) {
            start++;
        }
        return title.substring(start);
    }

    private static void walk(List<Section> sections, Consumer<Section> action) {
        for (Section section : sections) {
            action.accept(section);
            walk(section.sections(), action);
        }
    }

    private void report(LintRule rule, @Nullable String item, String message) {
        if (profile.checks(rule)) {
            problems.add(new LintProblem(rule.id(), profile.severity(rule), item,
                    item == null ? 1 : lineOf(item), message));
        }
    }
}
