package dev.curation.query.list;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.curation.core.document.Lines;
import java.util.List;

/** Unified diffs of Markdown texts, three lines of context, as {@code diff -u} prints them. */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    public static String between(String name, String before, String after) {
        List<String> a = Lines.split(before).stream().map(Lines::content).toList();
        List<String> b = Lines.split(after).stream().map(Lines::content).toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, a, DiffUtils.diff(a, b), 3);
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }
}
