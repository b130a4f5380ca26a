package dev.curation.core.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A list becoming a whole new file (a commit from git): the file is read as an import would read
 * it, and its nodes take the ids of the list's nodes they are, so that history, blame and link
 * health go on where nothing changed. A node with the same kind, level and lines as an old one is
 * that node (the first unused one, in document order); an entry with a changed line but the same
 * URL is the old entry edited; a topic with a changed heading but the same title is the old topic.
 * Every other node is new. The result is written as steps that keep runs of the old nodes and put
 * the others, so a commit that changes one line stores one node, not the list.
 */
public final class DocumentSync {

    /**
     * The list as the file says: its nodes in document order (with ids), the old ids no longer
     * there, the steps from the old document to it, and the id counter after it.
     */
    public record Plan(List<DocumentNode> nodes, List<String> removed, List<SyncStep> steps, long lastId) {

        public Plan {
            nodes = List.copyOf(nodes);
            removed = List.copyOf(removed);
            steps = List.copyOf(steps);
        }

        /** Ids of the nodes this change creates or changes (kept ones are not among them). */
        public List<String> put() {
            return steps.stream().map(SyncStep::node).filter(Objects::nonNull).map(DocumentNode::id).toList();
        }

        /** True when the file is what the list already is. */
        public boolean unchanged() {
            return removed.isEmpty() && steps.stream().allMatch(s -> s.node() == null);
        }
    }

    private record Key(DocumentNode.Kind kind, @Nullable Integer level, String raw) {
        static Key of(DocumentNode node) {
            return new Key(node.kind(), node.level(), node.raw());
        }
    }

    private DocumentSync() {
    }

    /** How {@code old} (ids up to {@code lastId}) becomes {@code markdown}. */
    public static Plan plan(ListDocument old, long lastId, String markdown) {
        IdSequence ids = new IdSequence(lastId);
        List<DocumentNode> before = old.nodes();
        List<DocumentNode> fresh = MarkdownReader.read(markdown, ids).nodes();

        Map<Key, ArrayDeque<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            byKey.computeIfAbsent(Key.of(before.get(i)), k -> new ArrayDeque<>()).add(i);
        }
        int[] oldIndex = new int[fresh.size()];
        boolean[] used = new boolean[before.size()];
        for (int i = 0; i < fresh.size(); i++) {
            ArrayDeque<Integer> same = byKey.get(Key.of(fresh.get(i)));
            Integer match = same == null ? null : same.poll();
            oldIndex[i] = match == null ? -1 : match;
            if (match != null) {
                used[match] = true;
            }
        }
        matchChanged(before, fresh, oldIndex, used);

        Map<String, String> idOf = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            idOf.put(fresh.get(i).id(), oldIndex[i] < 0 ? fresh.get(i).id() : before.get(oldIndex[i]).id());
        }
        List<DocumentNode> nodes = new ArrayList<>(fresh.size());
        List<SyncStep> steps = new ArrayList<>();
        String runStart = null;
        int runCount = 0;
        int runEnd = -2;
        for (int i = 0; i < fresh.size(); i++) {
            DocumentNode f = fresh.get(i);
            String parent = f.parent() == null ? null : idOf.get(f.parent());
            DocumentNode node = new DocumentNode(f.kind(), Objects.requireNonNull(idOf.get(f.id())), parent, f.level(),
                    f.raw(), f.title(), f.url(), f.description());
            nodes.add(node);
            int o = oldIndex[i];
            if (o >= 0 && node.equals(before.get(o))) {
                if (runStart != null && o == runEnd + 1) {
                    runCount++;
                } else {
                    if (runStart != null) {
                        steps.add(SyncStep.keep(runStart, runCount));
                    }
                    runStart = node.id();
                    runCount = 1;
                }
                runEnd = o;
            } else {
                if (runStart != null) {
                    steps.add(SyncStep.keep(runStart, runCount));
                    runStart = null;
                }
                runEnd = -2;
                steps.add(SyncStep.put(node));
            }
        }
        if (runStart != null) {
            steps.add(SyncStep.keep(runStart, runCount));
        }
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!used[i]) {
                removed.add(before.get(i).id());
            }
        }
        return new Plan(nodes, removed, steps, ids.last());
    }

    /** Entries by URL and topics by title, among the nodes nothing matched yet, in document order. */
    private static void matchChanged(List<DocumentNode> before, List<DocumentNode> fresh, int[] oldIndex, boolean[] used) {
        Map<String, ArrayDeque<Integer>> unmatched = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            String key = identity(before.get(i));
            if (!used[i] && key != null) {
                unmatched.computeIfAbsent(key, k -> new ArrayDeque<>()).add(i);
            }
        }
        for (int i = 0; i < fresh.size(); i++) {
            String key = identity(fresh.get(i));
            if (oldIndex[i] < 0 && key != null) {
                ArrayDeque<Integer> candidates = unmatched.get(key);
                Integer match = candidates == null ? null : candidates.poll();
                if (match != null) {
                    oldIndex[i] = match;
                    used[match] = true;
                }
            }
        }
    }

    private static @Nullable String identity(DocumentNode node) {
        return switch (node.kind()) {
            case ENTRY -> node.url() == null ? null : "e" + UrlKey.of(node.url());
            case SECTION -> node.title() == null ? null : "s" + node.title();
            case TEXT -> null;
        };
    }

    /** The document the steps make of {@code old} (which is left as it was). */
    public static ListDocument apply(ListDocument old, List<SyncStep> steps) {
        List<DocumentNode> before = old.nodes();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            position.put(before.get(i).id(), i);
        }
        List<DocumentNode> after = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SyncStep step : steps) {
            if (step.node() != null) {
                after.add(step.node());
                continue;
            }
            Integer start = position.get(Objects.requireNonNull(step.keep()));
            if (start == null || start + step.count() > before.size()) {
                throw new IllegalStateException("a sync step keeps node " + step.keep() + " x" + step.count()
                        + ", which the list does not have");
            }
            after.addAll(before.subList(start, start + step.count()));
        }
        after.forEach(n -> {
            if (!seen.add(n.id())) {
                throw new IllegalStateException("a sync step puts node " + n.id() + " twice");
            }
        });
        return ListDocument.of(after);
    }
}
