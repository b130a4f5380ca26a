package dev.curation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code ./curation bench} arguments: help runs nothing, a wrong option is named, JMH gets its own. */
class BenchOptionsTest {

    @Test
    void theOptionsAreTaken() {
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--no-docs"});
        assertThat(options.quick()).isTrue();
        assertThat(options.noDocs()).isTrue();
        assertThat(options.json()).isFalse();
        assertThat(options.jmhArgs()).isNull();
        assertThat(BenchOptions.parse(new String[] {"links", "--json"}).links()).isTrue();
    }

    @Test
    void helpAndWrongOptionsStopBeforeAnythingRuns() {
        for (String help : new String[] {"-h", "--help"}) {
            assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--quick", help}))
                    .isInstanceOfSatisfying(BenchOptions.UsageException.class, e -> assertThat(e.isHelp()).isTrue());
        }
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--quik"}))
                .isInstanceOfSatisfying(BenchOptions.UsageException.class, e -> assertThat(e.isHelp()).isFalse())
                .hasMessage("unknown option --quik");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--quick", "links"}))
                .hasMessage("unknown option links (links comes first)");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"links", "--quick"}))
                .hasMessage("links takes only --json, not --quick");
        assertThat(BenchOptions.USAGE).contains("--quick", "--json", "--no-docs", "links", "jmh", "--help");
    }

    @Test
    void jmhTakesEveryArgumentAfterIt() {
        assertThat(BenchOptions.parse(new String[] {"jmh", "-h"}).jmhArgs()).containsExactly("-h");
        assertThat(BenchOptions.parse(new String[] {"jmh", "-f", "1", "Markdown"}).jmhArgs()).containsExactly("-f", "1", "Markdown");
    }

    @Test
    void profileTakesItsSeconds() {
        assertThat(BenchOptions.parse(new String[] {"profile"}).profileSeconds()).isEqualTo(30);
        assertThat(BenchOptions.parse(new String[] {"profile", "--seconds", "90"}).profileSeconds()).isEqualTo(90);
        assertThat(BenchOptions.parse(new String[] {"--quick"}).profileSeconds()).isZero();
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"profile", "--seconds", "0"}))
                .hasMessage("--seconds takes a number of seconds from 1 to 9999");
        BenchOptions wall = BenchOptions.parse(new String[] {"profile", "--clients", "1", "--wall"});
        assertThat(wall.profileClients()).isEqualTo(1);
        assertThat(wall.profileSampling()).isEqualTo(Profile.Sampling.WALL);
        assertThat(BenchOptions.parse(new String[] {"profile", "--alloc"}).profileSampling()).isEqualTo(Profile.Sampling.ALLOC);
        assertThat(BenchOptions.parse(new String[] {"profile"}).profileSampling()).isEqualTo(Profile.Sampling.CPU);
        assertThat(BenchOptions.parse(new String[] {"profile"}).profileClients()).isEqualTo(32);
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"profile", "--clients", "x"}))
                .hasMessage("--clients takes a number of clients from 1 to 999");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"profile", "--quick"}))
                .hasMessage("profile takes only --seconds N, --clients N, --rate N, --entries N, --wall and --alloc, not --quick");
        assertThat(BenchOptions.parse(new String[] {"profile"}).profileRate()).isZero();
        assertThat(BenchOptions.parse(new String[] {"profile", "--rate", "500"}).profileRate()).isEqualTo(500);
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"profile", "--rate", "-1"}))
                .hasMessage("--rate takes a number of edits/s from 1 to 99999");
        assertThat(BenchOptions.parse(new String[] {"profile"}).profileEntries()).isEqualTo(1);
        assertThat(BenchOptions.parse(new String[] {"profile", "--entries", "3000"}).profileEntries()).isEqualTo(3000);
    }
}
