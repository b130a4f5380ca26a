package dev.curation.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    /** Whatever the texts, the diff (computed on the changed region only) turns the first into the second. */
    @Test
    void theDiffOfTheChangedRegionPatchesTheWholeText() throws Exception {
        Random random = new Random(20261123);
        for (int round = 0; round < 500; round++) {
            List<String> a = lines(random);
            List<String> b = new ArrayList<>(random.nextBoolean() ? a : lines(random));
            for (int i = random.nextInt(4); i > 0; i--) {
                int at = b.isEmpty() ? 0 : random.nextInt(b.size());
                if (random.nextBoolean() || b.isEmpty()) {
                    b.add(at, "new " + random.nextInt(3));
                } else {
                    b.remove(at);
                }
            }
            String diff = UnifiedDiff.between("x.md", text(a), text(b), Integer.MAX_VALUE);
            if (a.equals(b)) {
                assertThat(diff).isEmpty();
                continue;
            }
            List<String> patched = DiffUtils.patch(a, UnifiedDiffUtils.parseUnifiedDiff(diff.lines().toList()));
            assertThat(patched).as(a + " -> " + b + "\n" + diff).isEqualTo(b);
        }
    }

    @Test
    void aChangedRegionOverTheBudgetIsRefusedWhateverTheListAroundIt() {
        String common = "- [a](https://a)\n".repeat(1000);
        String before = common + "x\n".repeat(30) + common;
        String after = common + "y\n".repeat(31) + common;

        assertThatThrownBy(() -> UnifiedDiff.between("x.md", before, after, 60))
                .isInstanceOfSatisfying(UnifiedDiff.TooLarge.class, e -> assertThat(e.changedLines()).isEqualTo(61));
        assertThat(UnifiedDiff.between("x.md", before, after, 61)).contains("@@ -998,36 +998,37 @@");
    }

    private static List<String> lines(Random random) {
        List<String> lines = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            lines.add("line " + random.nextInt(4));
        }
        return lines;
    }

    private static String text(List<String> lines) {
        return lines.stream().map(l -> l + "\n").reduce("", String::concat);
    }
}
