package dev.curation.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.document.UrlKey;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random sequences of edits on a seed: the Markdown at every version, rebuilt by folding the
 * events from the import (as the read side does, also from a snapshot), equals the write side's
 * document at that version; and unedited lines keep their bytes.
 */
class EditSequenceProperties {

    private static final String SEED = read("distributed-systems-notes.md");

    @Property(tries = 60)
    void everyVersionFoldsToTheWriteSidesDocument(@ForAll long randomSeed, @ForAll @IntRange(min = 1, max = 25) int versions) {
        Random random = new Random(randomSeed);
        List<ListEvent> imported = ImportEvents.of(new ImportList("l", "seed", SEED));
        ListDocument writeSide = ListFold.fold(imported);
        IdSequence ids = new IdSequence(((dev.curation.core.list.ListImported) imported.getFirst()).lastId());
        List<List<ListEvent>> log = new ArrayList<>();
        log.add(imported);
        List<String> expected = new ArrayList<>(List.of(MarkdownWriter.write(writeSide)));

        for (int v = 0; v < versions; v++) {
            // change sets of one to three edits, each checked against the list as the ones before left it
            List<Edit> changeSet = new ArrayList<>();
            for (int e = random.nextInt(3); e >= 0; e--) {
                changeSet.add(randomEdit(writeSide, random, v * 3 + e));
            }
            String before = MarkdownWriter.write(writeSide);
            List<ListEvent> events;
            try {
                events = ListEditor.decide("l", writeSide, ids, changeSet);
            } catch (EditException refused) {
                continue; // a refused change set changes nothing and makes no version
            } finally {
                assertThat(MarkdownWriter.write(writeSide)).as("deciding leaves the list alone").isEqualTo(before);
            }
            ListDocument beforeEvents = writeSide.copy();
            var warnings = dev.curation.core.list.LintGate.warnings(writeSide, events, everythingAWarning());
            for (ListEvent event : events) {
                long last = ListEvents.changedItems(event).stream().mapToLong(IdSequence::numberOf).max().orElse(0);
                ids = new IdSequence(Math.max(ids.last(), last));
                ListFold.apply(writeSide, event);
            }
            assertLintShortcutHolds(beforeEvents, writeSide, events);
            assertWarningsNearAreAdded(beforeEvents, writeSide, warnings.addedIn(writeSide));
            log.add(events);
            expected.add(MarkdownWriter.write(writeSide));
            assertUrlIndexAgrees(writeSide, ids);
            assertThat(writeSide.estimatedBytes()).as("the size kept through the edits is the size of the same list built anew")
                    .isEqualTo(ListDocument.of(writeSide.nodes()).estimatedBytes());
        }

        for (int version = 0; version < log.size(); version++) {
            List<ListEvent> upTo = new ArrayList<>();
            log.subList(0, version + 1).forEach(upTo::addAll);
            assertThat(MarkdownWriter.write(ListFold.fold(upTo))).isEqualTo(expected.get(version));
        }
        int snapshotAt = log.size() / 2;
        List<ListEvent> toSnapshot = new ArrayList<>();
        log.subList(0, snapshotAt + 1).forEach(toSnapshot::addAll);
        ListDocument fromSnapshot = ListDocument.of(ListFold.fold(toSnapshot).nodes());
        log.subList(snapshotAt + 1, log.size()).forEach(events -> events.forEach(e -> ListFold.apply(fromSnapshot, e)));
        assertThat(MarkdownWriter.write(fromSnapshot)).isEqualTo(expected.getLast());
        // what was written reads back as the same text
        assertThat(MarkdownWriter.write(MarkdownReader.read(expected.getLast()))).isEqualTo(expected.getLast());
    }

    /**
     * The lint gate skips a rule when no event of the change can break it ({@code LintGate.mayBreak});
     * for every such rule the change must indeed add no problem.
     */
    private static void assertLintShortcutHolds(ListDocument before, ListDocument after, List<ListEvent> events) {
        java.util.Map<dev.curation.core.lint.LintRule, dev.curation.core.lint.Severity> all =
                new java.util.EnumMap<>(dev.curation.core.lint.LintRule.class);
        for (dev.curation.core.lint.LintRule rule : dev.curation.core.lint.LintRule.values()) {
            all.put(rule, dev.curation.core.lint.Severity.ERROR);
        }
        dev.curation.core.lint.LintProfile strict = new dev.curation.core.lint.LintProfile(all, false);
        var had = dev.curation.core.lint.ListLinter.lint(before, strict);
        var has = dev.curation.core.lint.ListLinter.lint(after, strict);
        for (dev.curation.core.lint.LintRule rule : dev.curation.core.lint.LintRule.values()) {
            if (events.stream().noneMatch(e -> dev.curation.core.list.LintGate.mayBreak(rule, e))) {
                assertThat(has.stream().filter(p -> p.rule().equals(rule.id())).count())
                        .as(rule.id() + " after " + events)
                        .isLessThanOrEqualTo(had.stream().filter(p -> p.rule().equals(rule.id())).count());
            }
        }
    }

    private static dev.curation.core.lint.LintProfile everythingAWarning() {
        java.util.Map<dev.curation.core.lint.LintRule, dev.curation.core.lint.Severity> all =
                new java.util.EnumMap<>(dev.curation.core.lint.LintRule.class);
        for (dev.curation.core.lint.LintRule rule : dev.curation.core.lint.LintRule.values()) {
            all.put(rule, dev.curation.core.lint.Severity.WARNING);
        }
        return new dev.curation.core.lint.LintProfile(all, false);
    }

    /**
     * The warnings a change's answer carries, found near what it touched, are problems the whole
     * list gained: none is made up, and they are found before the change was applied.
     */
    private static void assertWarningsNearAreAdded(ListDocument before, ListDocument after,
                                                   List<dev.curation.core.lint.LintProblem> near) {
        var added = dev.curation.core.lint.ListLinter.added(dev.curation.core.lint.ListLinter.lint(before, everythingAWarning()),
                dev.curation.core.lint.ListLinter.lint(after, everythingAWarning()));
        java.util.Map<String, Long> gained = new java.util.HashMap<>();
        added.forEach(p -> gained.merge(p.rule() + " " + p.item(), 1L, Long::sum));
        for (var problem : near) {
            assertThat(gained.merge(problem.rule() + " " + problem.item(), -1L, Long::sum)).as(problem + " among " + added)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    /** The URL index answers as a scan would, and a link whose URL differs only in case or a trailing slash is refused. */
    private static void assertUrlIndexAgrees(ListDocument document, IdSequence ids) {
        List<DocumentNode> entries = document.nodes().stream().filter(x -> x.kind() == DocumentNode.Kind.ENTRY).toList();
        assertThat(document.entryCount()).isEqualTo(entries.size());
        for (DocumentNode entry : entries) {
            List<String> sameUrl = entries.stream()
                    .filter(other -> UrlKey.of(other.url()).equals(UrlKey.of(entry.url())))
                    .map(DocumentNode::id).toList();
            assertThat(document.entriesWithUrl(entry.url())).containsExactlyInAnyOrderElementsOf(sameUrl);
        }
        // imported entries may hold relative links, which an edit could not add anyway
        List<DocumentNode> addable = entries.stream().filter(e -> isValidUrl(e.url())).toList();
        if (!addable.isEmpty()) {
            DocumentNode some = addable.getLast();
            // the same link as normalize-url sees it: the other scheme, www., a tracking parameter, a trailing slash
            String variant = sameLinkWrittenDifferently(some.url());
            String section = document.sections().getFirst().id();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListEditor.decide("l", document, ids,
                            List.of(new Edit.AddLink(section, null, "Again", variant, null))))
                    .isInstanceOf(EditException.DuplicateUrl.class);
        }
    }

    private static String sameLinkWrittenDifferently(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(https?)://(www\\.)?([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?")
                .matcher(url.strip());
        if (!m.matches()) {
            return url.strip() + " ";
        }
        String scheme = m.group(1).equalsIgnoreCase("http") ? "https" : "http";
        String www = m.group(2) == null ? "www." : "";
        String path = m.group(4).endsWith("/") ? m.group(4) : m.group(4) + "/";
        String query = m.group(5) == null ? "?utm_source=x" : m.group(5) + "&utm_source=x";
        return scheme + "://" + www + m.group(3).toUpperCase(java.util.Locale.ROOT) + path + query
                + (m.group(6) == null ? "" : m.group(6));
    }

    private static boolean isValidUrl(String url) {
        try {
            Validation.url("url", url);
            return true;
        } catch (EditException.Invalid invalid) {
            return false;
        }
    }

    static Edit randomEdit(ListDocument document, Random random, int n) {
        List<DocumentNode> nodes = document.nodes();
        List<String> sections = nodes.stream().filter(x -> x.kind() == DocumentNode.Kind.SECTION).map(DocumentNode::id).toList();
        List<String> entries = nodes.stream().filter(x -> x.kind() == DocumentNode.Kind.ENTRY).map(DocumentNode::id).toList();
        List<String> texts = nodes.stream().filter(x -> x.kind() == DocumentNode.Kind.TEXT && !x.raw().isBlank())
                .map(DocumentNode::id).toList();
        String section = sections.get(random.nextInt(sections.size()));
        String entry = entries.isEmpty() ? "e0" : entries.get(random.nextInt(entries.size()));
        return switch (random.nextInt(11)) {
            case 0, 1 -> new Edit.AddLink(section, random.nextBoolean() ? null : random.nextInt(3), "Link " + n + " 链接",
                    "https://example.com/" + n + "/" + random.nextInt(1000), random.nextBoolean() ? null : "描述 " + n);
            case 2 -> new Edit.EditLink(entry, random.nextBoolean() ? "Renamed " + n : null,
                    random.nextBoolean() ? "https://edited.example/" + n : null, random.nextBoolean() ? "desc " + n : "");
            case 3 -> new Edit.RemoveLink(entry);
            case 4 -> new Edit.MoveLink(entry, section, random.nextBoolean() ? null : 0);
            case 5 -> new Edit.AddSection(random.nextBoolean() ? null : section, random.nextBoolean() ? null : 0, "Topic " + n);
            case 6 -> new Edit.RenameSection(section, "主题 " + n);
            case 7 -> new Edit.MoveSection(section, random.nextBoolean() ? null : sections.get(random.nextInt(sections.size())),
                    random.nextBoolean() ? null : 0);
            case 8 -> new Edit.RemoveSection(section, random.nextBoolean());
            case 9 -> new Edit.AddText(section, null, "Note " + n);
            default -> texts.isEmpty() ? new Edit.AddText(section, 0, "Intro " + n)
                    : new Edit.EditText(texts.get(random.nextInt(texts.size())), "Text " + n);
        };
    }

    static String read(String seed) {
        try {
            return Files.readString(Path.of("..", "seeds", seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
