package dev.curation.query.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import dev.curation.core.document.Lines;
import java.util.List;

/**
 * Unified diffs of Markdown texts, three lines of context, as {@code diff -u} prints them.
 *
 * <p>Myers' algorithm costs time in proportion to the lines it compares times the number of
 * differences, so only the changed region is handed to it: the lines both texts begin and end
 * with are set aside first (an edit of a long list leaves most of it alike), and a region larger
 * than the caller's budget is refused with {@link TooLarge}. The linear-space variant keeps the
 * memory proportional to the region, however different its two sides are.
 */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /** A diff whose changed region (lines of both sides, common beginning and end set aside) exceeds the budget. */
    public static final class TooLarge extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int changedLines;
        private final int budget;

        TooLarge(int changedLines, int budget) {
            super("the versions differ in a region of " + changedLines + " lines, more than the " + budget
                    + " a unified diff is computed for");
            this.changedLines = changedLines;
            this.budget = budget;
        }

        public int changedLines() {
            return changedLines;
        }

        public int budget() {
            return budget;
        }
    }

    /** The diff, or {@link TooLarge} if more than {@code budget} lines (both sides together) lie in the changed region. */
    public static String between(String name, String before, String after, int budget) {
        List<String> a = Lines.split(before).stream().map(Lines::content).toList();
        List<String> b = Lines.split(after).stream().map(Lines::content).toList();
        int shorter = Math.min(a.size(), b.size());
        int prefix = 0;
        while (prefix < shorter && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> changedA = a.subList(prefix, a.size() - suffix);
        List<String> changedB = b.subList(prefix, b.size() - suffix);
        int changed = changedA.size() + changedB.size();
        if (changed == 0) {
            return "";
        }
        if (changed > budget) {
            throw new TooLarge(changed, budget);
        }
        Patch<String> region = DiffUtils.diff(changedA, changedB, new MeyersDiffWithLinearSpace<>());
        Patch<String> patch = new Patch<>();
        for (AbstractDelta<String> delta : region.getDeltas()) {
            patch.addDelta(delta.withChunks(shifted(delta.getSource(), prefix), shifted(delta.getTarget(), prefix)));
        }
        // context lines come from the whole text, so hunks near the region's edges show them as before
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, a, patch, 3);
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }

    private static Chunk<String> shifted(Chunk<String> chunk, int offset) {
        return new Chunk<>(chunk.getPosition() + offset, chunk.getLines());
    }
}
