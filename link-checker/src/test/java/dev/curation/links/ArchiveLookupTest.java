package dev.curation.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.ScriptedSite;
import dev.curation.embedded.ScriptedSite.Reply;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Wayback availability API, played by a local fake. */
class ArchiveLookupTest {

    @Test
    void theClosestAvailableSnapshotIsFoundAndAnythingElseIsNone() throws Exception {
        try (ScriptedSite archive = ScriptedSite.start("127.0.0.1")) {
            ArchiveLookup lookup = new ArchiveLookup(URI.create(archive.url("/")), Duration.ofSeconds(2), "test");
            archive.script("/wayback/available", Reply.json("""
                    {"url":"example.com/x","archived_snapshots":{"closest":{"status":"200","available":true,
                     "url":"http://web.archive.org/web/20240101000000/https://example.com/x","timestamp":"20240101000000"}}}"""),
                    Reply.json("{\"url\":\"example.com/y\",\"archived_snapshots\":{}}"),
                    Reply.json("not json"),
                    Reply.status(503));
            assertThat(lookup.closest("https://example.com/x"))
                    .hasValue("http://web.archive.org/web/20240101000000/https://example.com/x");
            assertThat(lookup.closest("https://example.com/y")).isEmpty();
            assertThat(lookup.closest("https://example.com/z")).isEmpty();
            assertThat(lookup.closest("https://example.com/w")).isEmpty();
            assertThat(archive.requests().getFirst().path()).isEqualTo("/wayback/available");
        }
    }
}
