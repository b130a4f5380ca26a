package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Section;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ListEvent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The consistency token: a read naming a version waits for the projection to commit it, within a bound. */
class MinVersionReadTest extends KafkaFedTest {

    private static final String MARKDOWN = "# Tools\n- [a](https://a.example)\n";

    @Test
    void aReadNamingAVersionNotYetProjectedAnswersOnceItIs() throws Exception {
        String listId = UUID.randomUUID().toString();
        importList(listId, "token-wait", MARKDOWN);
        ListDocument document = read(MARKDOWN);
        Section tools = document.sections().getFirst();
        List<ListEvent> events = new ArrayList<>();
        events.add(new ChangeSetApplied(listId, 2, 1, "test"));
        events.addAll(ListEditor.decide(listId, document, new IdSequence(1000), List.of(
                new Edit.AddLink(tools.id(), null, "b", "https://b.example", null))));
        long firstSequence = 2; // the import of a small list is two events
        publish(listId, 2, firstSequence, events, 0, events.size() - 1, false);

        CompletableFuture<HttpResponse<byte[]>> reading = http.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/lists/token-wait/markdown?minVersion=2")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        // the version is incomplete: its last event is not on the topic, so the read keeps waiting
        Thread.sleep(500);
        assertThat(reading).isNotDone();
        assertThat(get("/api/lists/token-wait/markdown").headers().firstValue("X-List-Version")).hasValue("1");

        publish(listId, 2, firstSequence, events, events.size() - 1, events.size(), false);

        HttpResponse<byte[]> answered = reading.get(30, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.headers().firstValue("X-List-Version")).hasValue("2");
        assertThat(new String(answered.body(), StandardCharsets.UTF_8)).contains("[b](https://b.example)");
        // the header form, on another read of the list, answers at once now
        assertThat(get("/api/lists/token-wait", "Curation-Min-Version", "2").statusCode()).isEqualTo(200);
    }

    @Test
    void aVersionThatDoesNotComeWithinTheWaitIs503WithRetryAfter() throws Exception {
        importList(UUID.randomUUID().toString(), "token-never", MARKDOWN);

        HttpResponse<byte[]> response = get("/api/lists/token-never/history?minVersion=7");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:curation:problem:not-yet-visible");
        assertThat(problem.get("minVersion").asLong()).isEqualTo(7);
        assertThat(problem.get("visibleVersion").asLong()).isEqualTo(1);
        assertThat(problem.get("detail").asString()).contains("token-never", "version 1", "7");
    }

    @Test
    void aListNotYetImportedIsWaitedForLikeAnyVersion() throws Exception {
        HttpResponse<byte[]> response = get("/api/lists/token-absent?minVersion=1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).get("visibleVersion").asLong()).isZero();
    }

    @Test
    void aTokenThatIsNotAVersionIsABadRequestNamingIt() throws Exception {
        importList(UUID.randomUUID().toString(), "token-bad", MARKDOWN);

        for (String query : List.of("minVersion=0", "minVersion=-3", "minVersion=abc", "minVersion=",
                "minVersion=99999999999999999999")) {
            HttpResponse<byte[]> response = get("/api/lists/token-bad/markdown?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("detail").asString()).as(query).contains("minVersion");
        }
        HttpResponse<byte[]> header = get("/api/lists/token-bad", "Curation-Min-Version", "x1");
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(json.readTree(header.body()).get("detail").asString()).contains("Curation-Min-Version");
        HttpResponse<byte[]> both = get("/api/lists/token-bad?minVersion=1", "Curation-Min-Version", "2");
        assertThat(both.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> noList = get("/api/lists?minVersion=1");
        assertThat(noList.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noList.body()).get("detail").asString()).contains("one list");
        assertThat(get("/api/lists/token-bad?minVersion=1").statusCode()).isEqualTo(200);
    }
}
