package dev.curation.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.list.ContentRestored;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkMoved;
import dev.curation.core.list.LinkRemoved;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.SectionAdded;
import dev.curation.core.list.SectionMoved;
import dev.curation.core.list.SectionRemoved;
import dev.curation.core.list.TextAdded;
import dev.curation.core.list.TextRemoved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * For random histories of edits of every kind (links, topics with their content, text, moves):
 * reverting any version or range whose items and surroundings nobody touched since gives exactly
 * the list, ids and bytes included, that the history without those versions gives; a revert that
 * is refused names items changed since; and reverting the revert gives back the list as it was.
 */
class RevertProperties {

    private static final String SEED = EditSequenceProperties.read("distributed-systems-notes.md");
    private static final String TOP = "(top level)";

    /** A list's history as the aggregate keeps it: events per version, and who last changed each item. */
    private static final class History {
        final List<List<ListEvent>> versions = new ArrayList<>(); // index 0 is version 1
        final Map<String, Long> lastChanged = new HashMap<>();
        ListDocument document;
        IdSequence ids;

        History(List<ListEvent> imported) {
            document = Objects.requireNonNull(ListFold.fold(imported));
            ids = new IdSequence(((ListImported) imported.getFirst()).lastId());
            versions.add(imported);
            imported.stream().filter(e -> e instanceof ListContentImported).map(e -> (ListContentImported) e)
                    .forEach(c -> c.nodes().forEach(n -> lastChanged.put(n.id(), 1L)));
        }

        long version() {
            return versions.size();
        }

        void add(List<ListEvent> events) {
            long version = version() + 1;
            for (ListEvent event : events) {
                for (String id : ListEvents.changedItems(event)) {
                    lastChanged.put(id, version);
                    ids = new IdSequence(Math.max(ids.last(), IdSequence.numberOf(id)));
                }
                ListFold.apply(document, event);
            }
            versions.add(events);
        }

        /** The document after the events of versions 1 to {@code version}. */
        ListDocument at(long version) {
            ListDocument at = null;
            for (List<ListEvent> events : versions.subList(0, (int) version)) {
                for (ListEvent event : events) {
                    at = ListFold.apply(at, event);
                }
            }
            return Objects.requireNonNull(at);
        }

        List<Revert.PastVersion> range(long from, long through) {
            List<Revert.PastVersion> range = new ArrayList<>();
            for (long v = from; v <= through; v++) {
                range.add(new Revert.PastVersion(v, versions.get((int) v - 1)));
            }
            return range;
        }
    }

    @Property(tries = 200)
    void revertingIsTheHistoryWithoutTheReverted(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int edits,
                                                 @ForAll @IntRange(max = 3) int rangeLength) {
        Random random = new Random(seed);
        History history = new History(ImportEvents.of(new ImportList("l", "seed", SEED)));
        for (int v = 0; v < edits; v++) {
            List<Edit> changeSet = new ArrayList<>();
            for (int e = random.nextInt(3); e >= 0; e--) {
                changeSet.add(EditSequenceProperties.randomEdit(history.document, random, v * 3 + e));
            }
            try {
                history.add(ListEditor.decide("l", history.document, history.ids, changeSet));
            } catch (EditException refused) {
                // a refused change set makes no version
            }
        }
        if (history.version() < 2) {
            return;
        }
        long from = 2 + random.nextInt((int) history.version() - 1);
        long through = Math.min(history.version(), from + rangeLength);
        long current = history.version();
        String markdownBefore = MarkdownWriter.write(history.document);

        boolean independent = independent(history, from, through);
        List<ListEvent> undo;
        try {
            undo = Revert.undo("l", history.at(from - 1), history.range(from, through), history.document, current,
                    history.lastChanged, false);
        } catch (EditException.Clash clash) {
            Statistics.label("outcome").collect("clash");
            assertThat(independent).as("a revert nothing touched since is not refused").isFalse();
            assertThat(clash.items()).isNotEmpty();
            return;
        } catch (dev.curation.core.list.ListRuleException.NotRevertible nothing) {
            Statistics.label("outcome").collect("nothing to undo");
            return;
        }
        ListDocument reverted = history.document.copy();
        undo.forEach(e -> ListFold.apply(reverted, e));

        if (independent) {
            Statistics.label("outcome").collect("independent");
            ListDocument without = history.at(from - 1);
            history.versions.subList((int) through, (int) current).forEach(events -> events.forEach(e -> ListFold.apply(without, e)));
            assertThat(reverted.nodes()).as("ids, places and bytes").isEqualTo(without.nodes());
            assertThat(MarkdownWriter.write(reverted)).isEqualTo(MarkdownWriter.write(without));
        } else {
            Statistics.label("outcome").collect("touched since, still undone");
        }

        // undoing the revert gives back the list as it was, byte for byte
        history.add(undo);
        List<ListEvent> redo = Revert.undo("l", history.at(current), history.range(current + 1, current + 1), history.document,
                current + 1, history.lastChanged, false);
        ListDocument back = history.document.copy();
        redo.forEach(e -> ListFold.apply(back, e));
        assertThat(MarkdownWriter.write(back)).isEqualTo(markdownBefore);
        assertThat(back.nodes()).isEqualTo(history.at(current).nodes());
    }

    /**
     * Whether the versions after the range touched nothing the range touched: none of its items,
     * and no section (or the top level, or the preamble) it put something into or took something from.
     */
    private static boolean independent(History history, long from, long through) {
        Set<String> range = new HashSet<>();
        Set<String> later = new HashSet<>();
        ListDocument state = history.at(from - 1);
        for (long v = from; v <= history.version(); v++) {
            Set<String> scope = v <= through ? range : later;
            for (ListEvent event : history.versions.get((int) v - 1)) {
                scope.addAll(ListEvents.changedItems(event));
                scope.addAll(surroundings(event, state));
                ListFold.apply(state, event);
            }
        }
        later.retainAll(range);
        return later.isEmpty();
    }

    /** The sections an event puts something into or takes something from, and what a removed section held. */
    private static List<String> surroundings(ListEvent event, ListDocument before) {
        return switch (event) {
            case LinkAdded e -> List.of(place(e.section()));
            case TextAdded e -> List.of(place(e.section()));
            case LinkRemoved e -> List.of(place(before.parentOfBlock(e.entry()).wireId()));
            case TextRemoved e -> List.of(place(before.parentOfBlock(e.block()).wireId()));
            case LinkMoved e -> List.of(place(e.fromSection()), place(e.section()));
            case SectionAdded e -> List.of(place(e.parent()));
            case SectionMoved e -> List.of(place(e.fromParent()), place(e.parent()));
            case SectionRemoved e -> {
                List<String> all = new ArrayList<>(List.of(place(before.parentOf(e.section()).wireId())));
                before.subtree(e.section()).forEach(n -> all.add(n.id()));
                yield all;
            }
            case ContentRestored e -> List.of(place(e.parent()));
            default -> List.of();
        };
    }

    private static String place(@org.jspecify.annotations.Nullable String section) {
        return section == null ? TOP : section;
    }
}
