package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./curation backup|restore} options: help answers and does nothing, a wrong option is named with the usage. */
class BackupCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BackupCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("backup", "--help")).isZero();
        assertThat(run("restore", "-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("./curation backup --to DIR", "./curation restore --from DIR");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aWrongOrMissingOptionIsNamedWithTheUsage() {
        assertThat(run("backup", "--bogus")).isEqualTo(2);
        assertThat(run("backup", "--data-dir", "x")).isEqualTo(2);
        assertThat(run("restore", "--from", "a", "--data-dir", "b", "--bogus", "c")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("curation backup: unknown or incomplete option: --bogus")
                .contains("curation backup: --to DIR is required")
                .contains("unknown option --bogus")
                .contains("usage: ./curation backup");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
