package dev.curation.query.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.curation.core.document.DocumentDiff;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditException;
import dev.curation.core.input.InputException;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.ListLinter;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import dev.curation.query.config.QueryProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Diffs between versions and proposal previews, computed at most once each: versions never
 * change, so a diff of two of them (or a proposal's preview against one of them) is kept in a
 * small cache, refusals included; a miss runs through the {@link ReadGate}. Unified diffs and
 * previews larger than {@code curation.query.max-diff-lines} are not computed at all.
 */
@Component
public class VersionDiffs {

    /**
     * A proposal's preview: the unified diff it would make, or why there is none, and the lint
     * problems it would add (null when its edits no longer apply); {@code lintEdits}: the item of
     * each such problem to the (0-based) edit that creates or changes it, for those an edit does.
     */
    public record Preview(String diff, String error, List<LintProblem> lintAdded, Map<String, Integer> lintEdits) {

        Preview(String diff, String error, List<LintProblem> lintAdded) {
            this(diff, error, lintAdded, Map.of());
        }
    }

    private record Key(String listId, long from, long to) {
    }

    /** The edits and the lint profile are part of the key: a proposal amended, or a profile changed, at the same list version is previewed anew. */
    private record PreviewKey(String listId, String proposal, long version, Object edits) {
    }

    /** A unified diff, or the size of the region that made it too large. */
    private record Unified(String text, UnifiedDiff.TooLarge refused) {
    }

    private final ReadGate gate;
    private final int maxLines;
    private final Cache<Key, Unified> unified;
    private final Cache<Key, DocumentDiff> structural;
    private final Cache<PreviewKey, Preview> previews;

    VersionDiffs(ReadGate gate, QueryProperties settings) {
        this.gate = gate;
        this.maxLines = settings.maxDiffLines();
        long cacheBytes = settings.diffCacheBytes().toBytes();
        // weights approximate the bytes held: characters of the texts, about 200 per change
        this.unified = Caffeine.newBuilder().maximumWeight(cacheBytes)
                .weigher((Key k, Unified u) -> 64 + (u.text() == null ? 0 : u.text().length())).build();
        this.structural = Caffeine.newBuilder().maximumWeight(cacheBytes)
                .weigher((Key k, DocumentDiff d) -> 64 + 200 * (d.entries().size() + d.sections().size())).build();
        this.previews = Caffeine.newBuilder().maximumWeight(cacheBytes)
                .weigher((PreviewKey k, Preview p) -> 256 + length(p.diff()) + length(p.error())
                        + (p.lintAdded() == null ? 0 : 200 * p.lintAdded().size()) + 64 * p.lintEdits().size())
                .build();
    }

    /** The unified diff of the Markdown of two versions, or {@link UnifiedDiff.TooLarge}. */
    public String unified(String listId, String name, long from, long to, Supplier<ListDocument> before,
                          Supplier<ListDocument> after) {
        Unified diff = cached(unified, new Key(listId, from, to), () -> {
            try {
                return new Unified(UnifiedDiff.between(name, MarkdownWriter.write(before.get()),
                        MarkdownWriter.write(after.get()), maxLines), null);
            } catch (UnifiedDiff.TooLarge e) {
                return new Unified(null, e);
            }
        });
        if (diff.refused() != null) {
            throw diff.refused();
        }
        return diff.text();
    }

    /** What changed between two versions, by id. */
    public DocumentDiff structural(String listId, long from, long to, Supplier<ListDocument> before,
                                   Supplier<ListDocument> after) {
        return cached(structural, new Key(listId, from, to), () -> DocumentDiff.between(before.get(), after.get()));
    }

    /**
     * The unified diff a proposal's edits would make to the list at {@code version}, and the lint
     * problems they would add under {@code profile}; an error instead of both when the edits no
     * longer apply, and no diff when it would be too large to show.
     */
    public Preview preview(String listId, String name, long version, String proposal, Object editsKey, LintProfile profile,
                           Supplier<ListDocument> current, Change edits) {
        return cached(previews, new PreviewKey(listId, proposal, version, List.of(editsKey, profile)), () -> {
            ListDocument before;
            ListDocument after;
            List<List<ListEvent>> byEdit;
            try {
                before = current.get();
                byEdit = edits.byEdit(before);
                after = applied(before, byEdit.stream().flatMap(List::stream).toList());
            } catch (EditException | ListRuleException | InputException e) {
                return new Preview(null, e.getMessage(), null);
            }
            List<LintProblem> added = ListLinter.added(ListLinter.lint(before, profile), ListLinter.lint(after, profile));
            Map<String, Integer> placed = placed(added, byEdit);
            try {
                return new Preview(UnifiedDiff.between(name, MarkdownWriter.write(before), MarkdownWriter.write(after),
                        maxLines), null, added, placed);
            } catch (UnifiedDiff.TooLarge e) {
                return new Preview(null, "no preview: it would span " + e.changedLines() + " changed lines, more than the "
                        + e.budget() + " shown; the proposal's edits say what it changes", added, placed);
            }
        });
    }

    /**
     * The unified diff between what two revisions of a proposal would make of the list now: each
     * applied to the current version, the Markdown of one against the other. {@code error} when a
     * revision no longer applies, or the diff is too large to show.
     */
    public Preview revisions(String listId, String name, long version, String proposal, int from, int to,
                             Supplier<ListDocument> current, Change fromEdits, Change toEdits) {
        return cached(previews, new PreviewKey(listId, proposal + " revisions", version, List.of(from, to)), () -> {
            String before;
            String after;
            try {
                ListDocument now = current.get();
                before = MarkdownWriter.write(applied(now, fromEdits.on(now)));
                after = MarkdownWriter.write(applied(now, toEdits.on(now)));
            } catch (EditException | ListRuleException | InputException e) {
                return new Preview(null, e.getMessage(), null);
            }
            try {
                return new Preview(UnifiedDiff.between(name, before, after, maxLines), null, null);
            } catch (UnifiedDiff.TooLarge e) {
                return new Preview(null, "no diff: it would span " + e.changedLines() + " changed lines, more than the "
                        + e.budget() + " shown", null);
            }
        });
    }

    /** What a proposal's revision does to a list: the events it would make of it (edits decided, or a revert). */
    @FunctionalInterface
    public interface Change {

        /** The events, grouped by the revision's edit that makes them (a revert is a proposal's only edit). */
        List<List<ListEvent>> byEdit(ListDocument current);

        default List<ListEvent> on(ListDocument current) {
            return byEdit(current).stream().flatMap(List::stream).toList();
        }

        /** Edits, decided on the list as it is. */
        static Change of(String listId, Supplier<List<Edit>> edits) {
            return current -> ListEditor.decideEach(listId, current, new IdSequence(Long.MAX_VALUE / 2), edits.get(), false);
        }
    }

    private static ListDocument applied(ListDocument current, List<ListEvent> events) {
        ListDocument after = current.copy();
        for (ListEvent event : events) {
            after = ListFold.apply(after, event);
        }
        return after;
    }

    /** The items of {@code problems} that an edit creates or changes, each to the first edit that does. */
    private static Map<String, Integer> placed(List<LintProblem> problems, List<List<ListEvent>> byEdit) {
        Map<String, Integer> editOf = new HashMap<>();
        for (int i = byEdit.size() - 1; i >= 0; i--) {
            for (ListEvent event : byEdit.get(i)) {
                for (String item : ListEvents.changedItems(event)) {
                    editOf.put(item, i);
                }
            }
        }
        Map<String, Integer> placed = new HashMap<>();
        for (LintProblem problem : problems) {
            if (problem.item() != null && editOf.containsKey(problem.item())) {
                placed.put(problem.item(), editOf.get(problem.item()));
            }
        }
        return Map.copyOf(placed);
    }

    /** Computed outside the cache's lock, like RenderedLists: two readers of a new key at worst compute it twice. */
    private <K, V> V cached(Cache<K, V> cache, K key, Supplier<V> compute) {
        V value = cache.getIfPresent(key);
        if (value != null) {
            return value;
        }
        V fresh = gate.run(compute);
        cache.put(key, fresh);
        return fresh;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
