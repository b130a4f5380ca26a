package dev.curation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The memory row counts a process's proportional share of its pages: at most its resident set. */
class StackMemoryTest {

    @Test
    void aProcessProportionalSetIsPositiveAndAtMostItsResidentSet() throws Exception {
        long pid = ProcessHandle.current().pid();
        long rss = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow();

        long pss = Stack.pssKiB(pid);

        assertThat(pss).isPositive().isLessThanOrEqualTo(rss + 1024);
        assertThat(Stack.pssKiB(Long.MAX_VALUE)).as("a process that does not exist").isZero();
    }
}
