package dev.curation.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY's text format as PostgreSQL reads it; that it stores what INSERTs store is RebuildTest's fingerprint. */
class CopyRowsTest {

    @Test
    void escapesWhatTheTextFormatGivesMeaning() {
        byte[] encoded = CopyRows.encode(List.<Object[]>of(
                new Object[] {"a\\N\tb\nc\rd", null, 42L, new byte[] {0, (byte) 0xff}, "über"},
                new Object[] {Timestamp.from(Instant.parse("2026-11-30T01:02:03.123456789Z")), true}));
        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(
                "a\\\\N\\tb\\nc\\rd\t\\N\t42\t\\\\x00ff\tüber\n"
                        + "2026-11-30T01:02:03.123457Z\tt\n");
    }
}
