package dev.curation.command.list.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.core.input.InputException;
import org.junit.jupiter.api.Test;

/** A list's version as an entity tag, and the version an If-Match names. */
class ETagsTest {

    @Test
    void aVersionIsAStrongTagAndReadsBack() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
        assertThat(ETags.version(ETags.of(3))).isEqualTo(3L);
        // a weak tag names the same version; clients and proxies may weaken tags
        assertThat(ETags.version("W/\"7\"")).isEqualTo(7L);
        assertThat(ETags.version(" \"12\" ")).isEqualTo(12L);
    }

    @Test
    void noIfMatchMeansNoExpectedVersion() {
        assertThat(ETags.version(null)).isNull();
        assertThat(ETags.version("  ")).isNull();
    }

    @Test
    void anythingElseIsInvalidInputNamingTheHeader() {
        for (String bad : new String[] {"\"abc\"", "*", "\"2\", \"3\"", "\"99999999999999999999\""}) {
            assertThatThrownBy(() -> ETags.version(bad)).as(bad).isInstanceOf(InputException.Invalid.class)
                    .hasMessageStartingWith("If-Match: must be the list version");
        }
    }
}
