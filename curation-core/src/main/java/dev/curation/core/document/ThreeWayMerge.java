package dev.curation.core.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Our node-level rebase for a file changed on both sides (a git commit made while the list changed
 * here): what the commit changed ({@code base} to {@code theirs}) is applied to the list as it is
 * now ({@code ours}), node by node. Changes to different nodes all stay; a node both sides changed
 * differently is a clash: ours stays and theirs is given back to be proposed. Nodes are matched as
 * {@link DocumentSync} matches them (same lines, else an entry by URL, a topic by title).
 */
public final class ThreeWayMerge {

    /**
     * {@code markdown} is the list with every change of theirs that did not clash; {@code clashes}
     * the nodes both sides changed: ours as it is (null: removed here) and theirs (null: removed there).
     */
    public record Result(String markdown, List<Clash> clashes) {
        public Result {
            clashes = List.copyOf(clashes);
        }
    }

    public record Clash(String id, @Nullable DocumentNode base, @Nullable DocumentNode ours, @Nullable DocumentNode theirs) {
    }

    private ThreeWayMerge() {
    }

    public static Result merge(String base, ListDocument ours, long lastId, String theirs) {
        String now = MarkdownWriter.write(ours);
        if (now.equals(base) || now.equals(theirs)) {
            return new Result(theirs, List.of());
        }
        if (theirs.equals(base)) {
            return new Result(now, List.of());
        }
        DocumentSync.Plan basePlan = DocumentSync.plan(ours, lastId, base);
        List<DocumentNode> baseNodes = basePlan.nodes();
        DocumentSync.Plan theirPlan = DocumentSync.plan(ListDocument.of(baseNodes), basePlan.lastId(), theirs);
        Map<String, DocumentNode> b = byId(baseNodes);
        Map<String, DocumentNode> o = byId(ours.nodes());
        List<DocumentNode> theirNodes = theirPlan.nodes();
        Map<String, DocumentNode> t = byId(theirNodes);

        List<Clash> clashes = new ArrayList<>();
        Map<String, Boolean> theirsWins = new HashMap<>();
        for (String id : union(b.keySet(), t.keySet())) {
            DocumentNode before = b.get(id);
            DocumentNode mine = o.get(id);
            DocumentNode theirsNode = t.get(id);
            if (same(before, theirsNode)) {
                continue;
            }
            if (before != null && !same(before, mine) && !same(mine, theirsNode)) {
                clashes.add(new Clash(id, before, mine, theirsNode));
                continue;
            }
            theirsWins.put(id, true);
        }

        List<DocumentNode> merged = new ArrayList<>();
        for (DocumentNode node : ours.nodes()) {
            if (theirsWins.containsKey(node.id())) {
                DocumentNode replacement = t.get(node.id());
                if (replacement != null) {
                    merged.add(replacement);
                }
            } else {
                merged.add(node);
            }
        }
        // theirs' new nodes, and nodes theirs moved (but we did not), go after the node they follow
        // there: the nearest one the list has
        // (order among the nodes all three have, so a node added or removed around it moves nothing)
        Set<String> common = new HashSet<>(b.keySet());
        common.retainAll(o.keySet());
        common.retainAll(t.keySet());
        Map<String, @Nullable String> baseBefore = predecessors(baseNodes, common);
        Map<String, @Nullable String> ourBefore = predecessors(ours.nodes(), common);
        Map<String, @Nullable String> theirBefore = predecessors(theirNodes, common);
        for (int i = 0; i < theirNodes.size(); i++) {
            DocumentNode node = theirNodes.get(i);
            String id = node.id();
            boolean added = !b.containsKey(id) && !o.containsKey(id) && theirsWins.containsKey(id);
            boolean moved = b.containsKey(id) && o.containsKey(id) && !Objects.equals(baseBefore.get(id), theirBefore.get(id))
                    && Objects.equals(baseBefore.get(id), ourBefore.get(id));
            if (!added && !moved) {
                continue;
            }
            int current = indexOf(merged, id);
            if (moved && current < 0) {
                continue;
            }
            DocumentNode placed = current >= 0 ? merged.remove(current) : node;
            int at = 0;
            for (int j = i - 1; j >= 0; j--) {
                int found = indexOf(merged, theirNodes.get(j).id());
                if (found >= 0) {
                    at = found + 1;
                    break;
                }
            }
            merged.add(at, placed);
        }
        return new Result(MarkdownWriter.join(merged.stream().map(DocumentNode::raw).toList()), clashes);
    }

    private static boolean same(@Nullable DocumentNode a, @Nullable DocumentNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.kind() == b.kind() && Objects.equals(a.level(), b.level()) && a.raw().equals(b.raw());
    }

    private static Map<String, @Nullable String> predecessors(List<DocumentNode> nodes, Set<String> among) {
        Map<String, @Nullable String> before = new HashMap<>();
        String previous = null;
        for (DocumentNode node : nodes) {
            if (among.contains(node.id())) {
                before.put(node.id(), previous);
                previous = node.id();
            }
        }
        return before;
    }

    private static int indexOf(List<DocumentNode> nodes, String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, DocumentNode> byId(List<DocumentNode> nodes) {
        Map<String, DocumentNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        return byId;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(id -> !a.contains(id)).forEach(all::add);
        return all;
    }
}
