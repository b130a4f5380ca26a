package dev.curation.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Import over real HTTP into a real PostgreSQL event store, published to a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ImportOverHttpTest {

    private static final String TOPIC = TestInfrastructure.uniqueName("list-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("command"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TOPIC);
        registry.add("curation.import.max-size", () -> "64KB");
        registry.add("curation.publisher.watchdog-initial-delay", () -> "1s");
        registry.add("curation.publisher.watchdog-interval", () -> "1s");
        // one worker: every list's commands queue behind each other, so batches can be made on purpose
        registry.add("curation.commands.batch-workers", () -> "1");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    JsonMapper json;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("curatedListCache")
    Cache listCache;
    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager springTransactions;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    SpanRecorder spans;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void axonUsesTheDatabaseTransactionManager() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void importStoresEventsAndPublishesThemToKafka() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("..", "seeds", "distributed-systems-notes.md"));

        HttpResponse<String> response = post("/api/lists?slug=dsn", "alice", seed);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        String listId = body.get("id").asString();
        assertThat(body.get("slug").asString()).isEqualTo("dsn");
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:8082/api/lists/dsn");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(listId).query(Long.class).single()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> records = consume(listId, 2);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(listId));
        JsonNode first = json.readTree(records.get(0).value());
        assertThat(first.get("type").asString()).isEqualTo("ListImported");
        assertThat(first.get("revision").asString()).isEqualTo("1");
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("sequence").asLong()).isEqualTo(0);
        assertThat(first.get("actor").asString()).isEqualTo("alice");
        assertThat(first.get("correlationId").asString()).isNotBlank();
        assertThat(first.get("eventId").asString()).isNotBlank();
        assertThat(first.get("payload").get("slug").asString()).isEqualTo("dsn");
        // the envelope's time is an ISO-8601 string (not epoch numbers), the instant the event store holds
        assertThat(first.get("timestamp").isString()).isTrue();
        assertThat(Instant.parse(first.get("timestamp").asString())).isEqualTo(Instant.parse(jdbc.sql(
                "SELECT time_stamp FROM domain_event_entry WHERE event_identifier = ?").param(first.get("eventId").asString())
                .query(String.class).single()));
        JsonNode second = json.readTree(records.get(1).value());
        assertThat(second.get("type").asString()).isEqualTo("ListContentImported");
        assertThat(second.get("sequence").asLong()).isEqualTo(1);
        assertThat(first.get("endOfVersion").asBoolean()).isFalse();
        assertThat(second.get("endOfVersion").asBoolean()).isTrue();
        assertThat(second.get("correlationId").asString()).isEqualTo(first.get("correlationId").asString());
        assertThat(new String(records.get(0).headers().lastHeader("curation-event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("ListImported");

        // the same records through the CloudEvents SDK's Kafka deserializer: a consumer that knows nothing of the envelope
        List<CloudEvent> events = new ArrayList<>();
        try (var sdk = new CloudEventDeserializer()) {
            records.forEach(r -> events.add(sdk.deserialize(r.topic(), r.headers(), r.value())));
        }
        assertThat(events).extracting(CloudEvent::getType)
                .containsExactly("dev.curation.list.ListImported.v1", "dev.curation.list.ListContentImported.v1");
        assertThat(events).extracting(CloudEvent::getId)
                .containsExactly(first.get("eventId").asString(), second.get("eventId").asString());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(e.getSource()).hasToString("/lists/" + listId);
            assertThat(e.getSubject()).isEqualTo("versions/1");
            assertThat(e.getExtension("actor")).isEqualTo("alice");
            assertThat(e.getData()).isNotNull();
        });
        assertThat(events.getFirst().getTime()).isEqualTo(
                Instant.parse(first.get("timestamp").asString()).atOffset(ZoneOffset.UTC));
        assertThat(events.get(1).getExtension("endofversion")).hasToString("true");
        assertThat(events.get(1).getData().toBytes()).isEqualTo(records.get(1).value());
    }

    @Test
    void aTakenSlugIsAConflictAndStoresNothing() throws Exception {
        assertThat(post("/api/lists?slug=taken", "alice", "# A\n".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);
        long events = eventCount();

        HttpResponse<String> again = post("/api/lists?slug=taken", "bob", "# B\n".getBytes(StandardCharsets.UTF_8));

        assertProblem(again, 409, "slug-taken");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRefusedEditStoresNothingAndKeepsTheListCached() throws Exception {
        String listId = json.readTree(post("/api/lists?slug=cached", "alice",
                "# C\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        String section = "s1";
        assertThat(edit("cached", addLink(section, "https://example.com/b")).statusCode()).isEqualTo(200);
        assertThat(listCache.containsKey(listId)).isTrue();
        long events = eventCount();

        assertProblem(edit("cached", addLink(section, "https://example.com/b")), 409, "duplicate-url");
        assertProblem(edit("cached", "{\"edits\":[{\"op\":\"addLinks\"}]}"), 400, "invalid-edit");

        assertThat(eventCount()).isEqualTo(events);
        // a refusal is not a failure of the unit of work: the list stays cached instead of being
        // replayed from the event store by the next command
        assertThat(listCache.containsKey(listId)).isTrue();
        HttpResponse<String> next = edit("cached", addLink(section, "https://example.com/c"));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(json.readTree(next.body()).get("version").asLong()).isEqualTo(3);
    }

    /**
     * Another command-service replica stored the list's next event first (inserted here behind
     * this replica's back, which still has the list cached at the older sequence): the loser gets
     * a 409 to retry, not a 500, and its retry applies on the fresh state.
     */
    @Test
    void aReplicaThatLostTheRaceAnswers409AndItsRetryApplies() throws Exception {
        String listId = json.readTree(post("/api/lists?slug=race", "alice",
                "# R\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        assertThat(edit("race", addLink("s1", "https://example.com/b")).statusCode()).isEqualTo(200);
        assertThat(listCache.containsKey(listId)).isTrue();
        long last = jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(listId).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'CuratedList', ?, ?, ?, ?, ?)""")
                .params(java.util.UUID.randomUUID().toString(), listId, last + 1, Instant.now().toString(),
                        dev.curation.core.list.ProposalWithdrawn.class.getName(),
                        dev.curation.core.list.EventEnvelope.revisionOf(dev.curation.core.list.ProposalWithdrawn.class),
                        json.writeValueAsBytes(new dev.curation.core.list.ProposalWithdrawn(listId, "elsewhere", "bob")),
                        ("{\"" + dev.curation.command.list.EventMetadata.VERSION + "\":2,\"endOfVersion\":true,"
                                + "\"actor\":\"bob\"}").getBytes(StandardCharsets.UTF_8))
                .update();

        assertProblem(edit("race", addLink("s1", "https://example.com/c")), 409, "concurrent-change");
        HttpResponse<String> retried = edit("race", addLink("s1", "https://example.com/c"));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).get("version").asLong()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(listId).query(Long.class).single()).isEqualTo(last + 3);
    }

    /**
     * The process dies after the command was applied but before its answer is stored (simulated:
     * storing that key's answer fails). Nothing of the request may survive, or a retry with the
     * key would find it claimed forever (or, with a new key, apply the edit twice); the retry
     * with the same key applies the edit exactly once.
     */
    @Test
    void aCrashBeforeTheAnswerIsStoredLeavesNothingAndTheRetryAppliesOnce() throws Exception {
        assertThat(post("/api/lists?slug=crash", "alice",
                "# K\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION crash_before_answer() RETURNS trigger AS $$
                BEGIN
                  IF NEW.idempotency_key = 'crash-here' AND NEW.status IS NOT NULL THEN
                    RAISE EXCEPTION 'simulated crash before the answer is stored';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER crash_before_answer BEFORE UPDATE ON idempotency_record FOR EACH ROW "
                + "EXECUTE FUNCTION crash_before_answer()").update();
        long events = eventCount();
        byte[] edit = addLink("s1", "https://example.com/once").getBytes(StandardCharsets.UTF_8);
        try {
            HttpResponse<String> crashed = sendKeyed("/api/lists/crash/edits", edit, "crash-here");
            assertThat(crashed.statusCode()).as(crashed.body()).isGreaterThanOrEqualTo(500);
            assertThat(eventCount()).as("the command's events went with the crash").isEqualTo(events);
            assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idempotency_key = 'crash-here'")
                    .query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("DROP TRIGGER crash_before_answer ON idempotency_record").update();
        }

        HttpResponse<String> retried = sendKeyed("/api/lists/crash/edits", edit, "crash-here");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).get("version").asLong()).isEqualTo(2);
        HttpResponse<String> replayed = sendKeyed("/api/lists/crash/edits", edit, "crash-here");
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(eventCount()).as("applied exactly once").isEqualTo(events + 2);
    }

    /**
     * A keyed request's events are applied, and its transaction is still open (storing its answer
     * is slow, then fails: a crash) when another edit of the same list arrives. That edit must
     * not build on the uncommitted events: it would commit first, and the list's stream would keep
     * a hole where the rolled-back events were (the query side then waits for them forever). It
     * waits for the first one's outcome and becomes the next version of what was committed.
     */
    @Test
    void anEditNeverBuildsOnAnotherThatMayStillRollBack() throws Exception {
        String listId = json.readTree(post("/api/lists?slug=uncommitted", "alice",
                "# U\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        assertThat(edit("uncommitted", addLink("s1", "https://example.com/b")).statusCode()).isEqualTo(200);
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION slow_then_crash() RETURNS trigger AS $$
                BEGIN
                  IF NEW.idempotency_key = 'slow-then-crash' AND NEW.status IS NOT NULL THEN
                    PERFORM pg_sleep(3);
                    RAISE EXCEPTION 'simulated crash before the answer is stored';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER slow_then_crash BEFORE UPDATE ON idempotency_record FOR EACH ROW "
                + "EXECUTE FUNCTION slow_then_crash()").update();
        try {
            var crashing = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return sendKeyed("/api/lists/uncommitted/edits",
                            addLink("s1", "https://example.com/rolled-back").getBytes(StandardCharsets.UTF_8),
                            "slow-then-crash");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the first edit's events are inserted and its answer is being stored
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'UPDATE idempotency_record%'""")
                    .query(Long.class).single() > 0);

            HttpResponse<String> next = edit("uncommitted", addLink("s1", "https://example.com/next"));

            assertThat(crashing.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isGreaterThanOrEqualTo(500);
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            assertThat(json.readTree(next.body()).get("version").asLong()).isEqualTo(3);
        } finally {
            jdbc.sql("DROP TRIGGER slow_then_crash ON idempotency_record").update();
        }
        List<Long> sequences = jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number").param(listId).query(Long.class).list();
        assertThat(sequences).as("the list's stream has no hole").isEqualTo(
                java.util.stream.LongStream.range(0, sequences.size()).boxed().toList());
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND convert_from(payload, 'UTF8') LIKE '%rolled-back%'").param(listId).query(Long.class).single()).isZero();
    }

    /**
     * Keyed edits of one list at once: each waits for the one before it to commit (not only to
     * be handled), so none loses a race it did not need to run, and the versions follow each other.
     */
    @Test
    void concurrentKeyedEditsOfOneListApplyOneAfterAnother() throws Exception {
        String listId = json.readTree(post("/api/lists?slug=busy", "alice",
                "# B\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        // storing each answer takes a while, as on a busy database: the window another edit must not use
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION slow_answer() RETURNS trigger AS $$
                BEGIN
                  IF NEW.idempotency_key LIKE 'busy-%' AND NEW.status IS NOT NULL THEN
                    PERFORM pg_sleep(0.1);
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER slow_answer BEFORE UPDATE ON idempotency_record FOR EACH ROW "
                + "EXECUTE FUNCTION slow_answer()").update();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> edits = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 40; i++) {
                int n = i;
                edits.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return sendKeyed("/api/lists/busy/edits",
                                addLink("s1", "https://example.com/busy-" + n).getBytes(StandardCharsets.UTF_8), "busy-" + n);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
        } finally {
            jdbc.sql("DROP TRIGGER slow_answer ON idempotency_record").update();
        }
        List<Long> versions = new ArrayList<>();
        for (var edit : edits) {
            HttpResponse<String> response = edit.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            versions.add(json.readTree(response.body()).get("version").asLong());
        }
        assertThat(versions).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(2, 41).boxed().toList());
        assertThat(jdbc.sql("SELECT max(sequence_number) + 1 - count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(listId).query(Long.class).single()).as("holes in the list's stream").isZero();
    }

    /**
     * A command joins a wider transaction (as a keyed request's does) and is handled; until that
     * transaction commits, the next command on the list waits for it, then builds on what it
     * committed. Without waiting it would read the list without the first one's events and lose
     * the race on the event store with a 409 it did not need.
     */
    @Test
    void theNextCommandOnAListWaitsForTheTransactionOfTheLastOne() throws Exception {
        String listId = json.readTree(post("/api/lists?slug=held", "alice",
                "# H\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        // threads of their own: the common pool may have a single thread on a small machine
        var threads = java.util.concurrent.Executors.newCachedThreadPool();
        HeldChange first = holdChangeSet(listId, "https://example.com/first", threads);

        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> changeSet(listId, "https://example.com/second"),
                threads);
        Thread.sleep(500);
        assertThat(second).as("waits while the first one's transaction is open").isNotDone();
        first.commit().countDown();

        assertThat(first.version().get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
        threads.shutdown();
    }

    /**
     * Group commit: while the worker waits for a list another transaction holds, the edits of other
     * lists queue up; then they are decided in order and stored in one transaction. Each caller gets
     * its own answer, the refused ones included, and every list's stream stays whole.
     */
    @Test
    void editsThatQueueUpShareOneCommitAndEachGetsItsOwnAnswer() throws Exception {
        String held = json.readTree(post("/api/lists?slug=group-held", "alice",
                "# H\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        List<String> others = new ArrayList<>();
        for (String slug : List.of("group-a", "group-b")) {
            others.add(json.readTree(post("/api/lists?slug=" + slug, "alice",
                    "# G\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString());
        }
        var threads = java.util.concurrent.Executors.newCachedThreadPool();
        HeldChange holder = holdChangeSet(held, "https://example.com/held", threads);
        double batchesBefore = meters.get("curation.commands.batch.size").summary().count();

        // the worker takes this one and waits for the held list
        var blocked = java.util.concurrent.CompletableFuture.supplyAsync(() -> editAsync("group-held",
                addLink("s1", "https://example.com/blocked")), threads);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                meters.get("curation.commands.batch.size").summary().count() > batchesBefore);
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String slug = i % 2 == 0 ? "group-a" : "group-b";
            // two of them name a section the list does not have: refused, alone
            String body = i == 3 || i == 6 ? addLink("s999", "https://example.com/refused-" + i)
                    : addLink("s1", "https://example.com/queued-" + i);
            queued.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> editAsync(slug, body), threads));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                meters.get("curation.commands.queued").gauge().value() >= 10);
        holder.commit().countDown();

        assertThat(holder.version().get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
        HttpResponse<String> afterHeld = blocked.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(afterHeld.statusCode()).as(afterHeld.body()).isEqualTo(200);
        assertThat(json.readTree(afterHeld.body()).get("version").asLong()).isEqualTo(3);
        List<Long> versionsA = new ArrayList<>();
        List<Long> versionsB = new ArrayList<>();
        for (int i = 0; i < queued.size(); i++) {
            HttpResponse<String> response = queued.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS);
            if (i == 3 || i == 6) {
                assertProblem(response, 404, "unknown-item");
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                (i % 2 == 0 ? versionsA : versionsB).add(json.readTree(response.body()).get("version").asLong());
            }
        }
        assertThat(versionsA).containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
        assertThat(versionsB).containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
        assertThat(meters.get("curation.commands.batch.size").summary().max()).as("one batch took the queued edits")
                .isGreaterThanOrEqualTo(10);
        for (String listId : others) {
            assertThat(jdbc.sql("SELECT max(sequence_number) + 1 - count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                    .param(listId).query(Long.class).single()).as("holes in the list's stream").isZero();
        }
        threads.shutdown();
    }

    private HttpResponse<String> editAsync(String slug, String body) {
        try {
            return edit(slug, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A change set applied inside a transaction that stays open until {@code commit} is counted down. */
    private record HeldChange(java.util.concurrent.CompletableFuture<Long> version,
                              java.util.concurrent.CountDownLatch commit) {
    }

    /** Applies a change set in a transaction of its own thread and returns once it is handled, the transaction still open. */
    private HeldChange holdChangeSet(String listId, String url, java.util.concurrent.ExecutorService threads)
            throws InterruptedException {
        var transaction = new org.springframework.transaction.support.TransactionTemplate(springTransactions);
        var handled = new java.util.concurrent.CountDownLatch(1);
        var commit = new java.util.concurrent.CountDownLatch(1);
        var version = java.util.concurrent.CompletableFuture.supplyAsync(() -> transaction.execute(tx -> {
            long applied = changeSet(listId, url);
            handled.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return applied;
        }), threads);
        assertThat(handled.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new HeldChange(version, commit);
    }

    private long changeSet(String listId, String url) {
        return commands.<dev.curation.core.list.ChangeAccepted>sendAndWait(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                new dev.curation.core.list.ListCommand.ApplyChangeSet(listId, null, null, List.of(
                        new dev.curation.core.edit.EditSpec("addLink", "s1", null, null, null, null, "T", url, null, null,
                                null)), null))
                .andMetaData(org.axonframework.messaging.MetaData.with(dev.curation.command.list.EventMetadata.ACTOR, "alice")))
                .version();
    }

    private HttpResponse<String> sendKeyed(String path, byte[] body, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("alice", "alice"))
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One edit sent with a {@code traceparent} is one trace in the caller's trace id: the request's
     * server span, the command's span under it, and a publish span per event under that, whose id the
     * record's {@code traceparent} carries to the query service. The answer names the request's span.
     */
    @Test
    void aRequestsTraceTravelsOnItsEvents() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        spans.watch(trace);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/lists?slug=traced"))
                .header("Content-Type", "text/markdown")
                .header("Authorization", basic("alice", "alice"))
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("# T\n- [a](https://example.com/a)\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("traceparent")).hasValueSatisfying(
                v -> assertThat(v).startsWith("00-" + trace + "-"));
        String listId = json.readTree(response.body()).get("id").asString();
        List<ConsumerRecord<String, byte[]>> records = consume(listId, 2);
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(
                new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .startsWith("00-" + trace + "-"));

        List<SpanData> trail = spans.spans(trace, s -> s.stream().filter(d -> d.getKind() == SpanKind.PRODUCER).count() == 2
                && s.stream().anyMatch(d -> d.getKind() == SpanKind.SERVER));
        SpanData request = only(trail, d -> d.getKind() == SpanKind.SERVER);
        assertThat(request.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(response.headers().firstValue("traceparent")).hasValue("00-" + trace + "-" + request.getSpanId() + "-01");
        SpanData command = only(trail, d -> d.getName().equals("command ImportList"));
        assertThat(command.getParentSpanId()).isEqualTo(request.getSpanId());
        List<SpanData> publishes = trail.stream().filter(d -> d.getKind() == SpanKind.PRODUCER).toList();
        assertThat(publishes).allSatisfy(p -> assertThat(p.getParentSpanId()).isEqualTo(command.getSpanId()));
        // each record names its own publish span: the query service's span is that one's child
        assertThat(records).extracting(r -> new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII)
                .substring(36, 52)).containsExactlyInAnyOrderElementsOf(publishes.stream().map(SpanData::getSpanId).toList());
        // small: no span per SQL statement or Axon internals
        assertThat(trail).hasSize(4);
    }

    private static SpanData only(List<SpanData> spans, java.util.function.Predicate<SpanData> which) {
        List<SpanData> found = spans.stream().filter(which).toList();
        assertThat(found).as("spans %s", spans).hasSize(1);
        return found.get(0);
    }

    /** In-process span collection for the traces a test watches. */
    @TestConfiguration
    static class Spans {
        @Bean
        SpanRecorder spanRecorder() {
            return new SpanRecorder();
        }
    }

    /**
     * Axon stops a processor whose thread is interrupted (its unit-of-work timeout does that to a
     * batch stuck behind a paused broker) and never starts it again: the watchdog does, and what
     * was stored meanwhile reaches Kafka.
     */
    @Test
    void aStoppedPublisherIsStartedAgain() throws Exception {
        var publisher = processing.eventProcessor("kafka-publisher",
                org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        publisher.shutDown();
        assertThat(publisher.isRunning()).isFalse();
        String listId = json.readTree(post("/api/lists?slug=stopped", "alice",
                "# S\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(publisher::isRunning);
        assertThat(consume(listId, 2)).hasSize(2);
    }

    /** The topic states its durability (ADR 9) instead of inheriting the broker's defaults. */
    @Test
    void theTopicIsCreatedWithExplicitDurability() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                TestInfrastructure.kafka().bootstrapServers()))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, TOPIC);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            // set on the topic itself, not inherited from whatever the broker's defaults are
            for (String name : List.of("min.insync.replicas", "unclean.leader.election.enable", "retention.ms")) {
                assertThat(config.get(name).source()).as(name)
                        .isEqualTo(org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            }
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("max.message.bytes").value()).isEqualTo(String.valueOf(8 * 1024 * 1024));
        }
    }

    /** The repair for a topic that lost records: the event store, sent again in order; ids tell the copies. */
    @Test
    void republishSendsTheEventStoreAgainInOrder() throws Exception {
        String listId = json.readTree(post("/api/lists?slug=again", "alice",
                "# A\n\n- [a](https://example.com/a)\n".getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        List<ConsumerRecord<String, byte[]>> first = consume(listId, 2);
        assertThat(first).hasSize(2);
        String scrape = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape).contains("curation_publisher_lag_events ", "curation_publisher_failing ",
                "curation_publisher_failures_total ");

        // the security chain decides, before the controller: a request a proxy forwarded is not this host's loopback
        HttpResponse<String> forwarded = http.send(HttpRequest.newBuilder(uri("/api/operations/republish"))
                .header("X-Forwarded-For", "127.0.0.1").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(403);
        assertThat(json.readTree(forwarded.body()).get("type").asString()).isEqualTo("urn:curation:problem:operations-disabled");
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(uri("/api/operations/republish"))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).as(crossSite.body()).isEqualTo(403);

        HttpResponse<String> republished = http.send(HttpRequest.newBuilder(uri("/api/operations/republish"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(republished.statusCode()).as(republished.body()).isEqualTo(202);

        List<ConsumerRecord<String, byte[]>> all = consume(listId, 4);
        assertThat(all).hasSize(4);
        assertThat(all.subList(2, 4)).extracting(r -> json.readTree(r.value()).get("eventId").asString())
                .containsExactlyElementsOf(first.stream().map(r -> json.readTree(r.value()).get("eventId").asString()).toList());
        assertThat(all.subList(2, 4)).extracting(r -> json.readTree(r.value()).get("sequence").asLong())
                .containsExactly(0L, 1L);
    }

    private static String addLink(String section, String url) {
        return "{\"edits\":[{\"op\":\"addLink\",\"section\":\"" + section + "\",\"title\":\"T\",\"url\":\"" + url + "\"}]}";
    }

    private HttpResponse<String> edit(String slug, String body) throws Exception {
        return send("/api/lists/" + slug + "/edits", "application/json", "alice", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() throws Exception {
        long events = eventCount();

        assertProblem(post("/api/lists?slug=Bad%20Slug", "alice", "# x\n".getBytes(StandardCharsets.UTF_8)), 400, "invalid-slug");
        assertProblem(post("/api/lists", "alice", "# x\n".getBytes(StandardCharsets.UTF_8)), 400, "invalid-slug");
        assertProblem(post("/api/lists?slug=empty", "alice", new byte[0]), 400, "invalid-body");
        HttpResponse<String> invalidUtf8 = post("/api/lists?slug=latin1", "alice", new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        assertProblem(invalidUtf8, 400, "invalid-body");
        assertThat(invalidUtf8.body()).contains("byte offset 2");
        assertProblem(post("/api/lists?slug=huge", "alice", new byte[65 * 1024]), 413, "body-too-large");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM list_slug WHERE slug IN ('empty', 'latin1', 'huge')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void writesNeedACuratorSignedIn() throws Exception {
        byte[] body = "# x\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/lists?slug=anon"))
                .header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(anonymous, 401, "unauthenticated");
        assertProblem(post("/api/lists?slug=carol", "carol", body), 403, "forbidden");
        HttpResponse<String> wrongPassword = http.send(HttpRequest.newBuilder(uri("/api/lists?slug=wrong"))
                .header("Content-Type", "text/markdown")
                .header("Authorization", basic("alice", "nope"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void aCuratorSetsTheLintProfileAndAChangeThatAddsAnErrorIs422() throws Exception {
        assertThat(post("/api/lists?slug=linted", "alice",
                "# Linted\n- [Beta](https://b.example) - B.\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        String profile = "{\"rules\":{\"alphabetical\":\"error\",\"separator\":\"off\"},\"sameUrlInSections\":false}";
        assertProblem(put("/api/lists/linted/lint-profile", "carol", profile), 403, "forbidden");
        assertProblem(put("/api/lists/linted/lint-profile", "alice", "{\"rules\":{\"no-such-rule\":\"error\"}}"), 400,
                "invalid-input");
        assertProblem(put("/api/lists/linted/lint-profile", "alice", "{\"rules\":{\"separator\":\"loud\"}}"), 400,
                "invalid-input");
        HttpResponse<String> set = put("/api/lists/linted/lint-profile", "alice", profile);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json.readTree(set.body()).at("/rules/alphabetical").asString()).isEqualTo("error");
        assertThat(json.readTree(set.body()).at("/rules/separator").asString()).isEqualTo("off");
        assertThat(json.readTree(set.body()).at("/rules/double-link").asString()).isEqualTo("error");
        long events = eventCount();

        // "Alpha" after "Beta" breaks alphabetical order, now an error: refused, naming rule and item
        HttpResponse<String> refused = edit("linted", "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"Alpha\","
                + "\"url\":\"https://a.example\",\"description\":\"A.\"}]}");
        assertProblem(refused, 422, "lint-error");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.at("/problems/0/rule").asString()).isEqualTo("alphabetical");
        assertThat(problem.at("/problems/0/message").asString()).contains("'Alpha'");
        assertThat(problem.get("detail").asString()).contains("alphabetical");
        assertThat(eventCount()).isEqualTo(events);
        // at the start of the topic it keeps the order: accepted
        HttpResponse<String> accepted = edit("linted", "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"position\":0,"
                + "\"title\":\"Alpha\",\"url\":\"https://a.example\",\"description\":\"A.\"}]}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).has("warnings")).isFalse();

        // a proposal: the same error is a 422; a warning comes back with the 201
        HttpResponse<String> proposedError = send("/api/lists/linted/proposals", "application/json", "carol", ("{\"edits\":[{\"op\":\"addLink\","
                + "\"section\":\"s1\",\"title\":\"Zeta\",\"url\":\"https://z.example\",\"description\":\"Z.\"},"
                + "{\"op\":\"addLink\",\"section\":\"s1\",\"position\":0,\"title\":\"Omega\",\"url\":\"https://o.example\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        assertProblem(proposedError, 422, "lint-error");
        HttpResponse<String> proposed = send("/api/lists/linted/proposals", "application/json", "carol", ("{\"edits\":[{\"op\":\"addLink\","
                + "\"section\":\"s1\",\"title\":\"Gamma\",\"url\":\"https://g.example\",\"description\":\"the third\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        JsonNode warnings = json.readTree(proposed.body()).get("warnings");
        assertThat(warnings.findValuesAsString("rule")).containsExactly("description-capital", "description-punctuation");
        assertThat(warnings.findValuesAsString("severity")).containsOnly("warning");
        assertThat(warnings.get(0).get("message").asString()).contains("'Gamma'");
        assertThat(warnings.get(0).get("line").asInt()).isEqualTo(4);
        // and the direct edit of a curator too, with the 200
        HttpResponse<String> direct = edit("linted", "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"Delta\","
                + "\"url\":\"https://d.example\",\"description\":\"fourth.\"}]}");
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
        assertThat(json.readTree(direct.body()).get("warnings").findValuesAsString("rule")).containsExactly("description-capital");

        // a fix proposal (curators ask, another curator approves) fixes that lower-case description
        assertProblem(send("/api/lists/linted/lint/fixes", "application/json", "carol", "{}".getBytes(StandardCharsets.UTF_8)),
                403, "forbidden");
        HttpResponse<String> unfixable = send("/api/lists/linted/lint/fixes", "application/json", "alice",
                "{\"rules\":[\"double-link\"]}".getBytes(StandardCharsets.UTF_8));
        assertProblem(unfixable, 400, "invalid-input");
        assertThat(json.readTree(unfixable.body()).get("detail").asString()).contains("'double-link' cannot be fixed");
        HttpResponse<String> fix = send("/api/lists/linted/lint/fixes", "application/json", "alice",
                "{\"rules\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(fix.statusCode()).as(fix.body()).isEqualTo(201);
        String fixProposal = json.readTree(fix.body()).get("id").asString();
        assertProblem(send("/api/lists/linted/proposals/" + fixProposal + "/approve", "application/json", "alice", new byte[0]),
                403, "not-allowed");
        HttpResponse<String> fixed = send("/api/lists/linted/proposals/" + fixProposal + "/approve", "application/json", "bob",
                new byte[0]);
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertProblem(send("/api/lists/linted/lint/fixes", "application/json", "alice", "{}".getBytes(StandardCharsets.UTF_8)),
                409, "nothing-to-fix");
    }

    private HttpResponse<String> put(String path, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user, user))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrongContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = send("/api/lists?slug=json", "application/xml", "alice",
                "<list/>".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        // JSON is the import from git, which names what it needs
        HttpResponse<String> fromGit = send("/api/lists?slug=json", "application/json", "alice", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(fromGit.statusCode()).isEqualTo(400);
        assertThat(fromGit.body()).contains("\"field\":\"git\"");
        // the types a page on another site may post without asking first change nothing
        for (String crossSite : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> refused = send("/api/lists?slug=cross-site", crossSite, "alice",
                    "# Planted\n- [x](https://evil.example)\n".getBytes(StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(crossSite).isEqualTo(415);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM list_slug WHERE slug = 'cross-site'").query(Long.class).single()).isZero();
        // nor can another site's form approve a proposal (ids are public), a write that takes no body
        assertThat(post("/api/lists?slug=cross-site-approve", "alice", "# Approve\n- [a](https://a.example)\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        String proposal = json.readTree(send("/api/lists/cross-site-approve/proposals", "application/json", "carol",
                "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"b\",\"url\":\"https://b.example\"}]}"
                        .getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        long events = eventCount();
        for (String crossSite : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> refused = send("/api/lists/cross-site-approve/proposals/" + proposal + "/approve?revision=1",
                    crossSite, "alice", "revision=%zz".getBytes(StandardCharsets.UTF_8));
            assertProblem(refused, 415, "unsupported-media-type");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    /**
     * What a browser sends when a page on another site makes it write here, with the Basic
     * credentials it cached: the request changes nothing. And a 401 never asks a browser for
     * credentials, so it has none to cache.
     */
    @Test
    void aBrowserOnAnotherSiteCannotWriteWithCachedCredentials() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/lists?slug=anonymous"))
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString("# A\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(anonymous, 401, "unauthenticated");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();

        assertThat(post("/api/lists?slug=browser-approve", "alice", "# Approve\n- [a](https://a.example)\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        String proposal = json.readTree(send("/api/lists/browser-approve/proposals", "application/json", "carol",
                "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"b\",\"url\":\"https://b.example\"}]}"
                        .getBytes(StandardCharsets.UTF_8)).body()).get("id").asString();
        long events = eventCount();
        String approve = "/api/lists/browser-approve/proposals/" + proposal + "/approve";
        // fetch(url, {method: "POST", mode: "no-cors", credentials: "include"}): no body, no type, no preflight
        HttpResponse<String> modern = http.send(HttpRequest.newBuilder(uri(approve))
                .header("Authorization", basic("alice", "alice")).header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "no-cors")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(modern, 403, "cross-site-write");
        assertThat(modern.body()).contains("https://evil.example");
        assertThat(modern.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(modern.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(modern.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'; sandbox");
        // an older browser sends no Sec-Fetch-Site, but the Origin of the page
        HttpResponse<String> older = http.send(HttpRequest.newBuilder(uri(approve))
                .header("Authorization", basic("alice", "alice")).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(older, 403, "cross-site-write");
        // the preflight a page needs for a JSON write is not granted: no origin is allowed by default
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri(approve))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(eventCount()).isEqualTo(events);

        // a page of this service itself (Swagger UI), and an API client that sends no Origin, may write
        HttpResponse<String> sameOrigin = http.send(HttpRequest.newBuilder(uri(approve))
                .header("Authorization", basic("alice", "alice")).header("Origin", "http://127.0.0.1:" + port)
                .header("Sec-Fetch-Site", "same-origin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(200);
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:curation:problem:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String user, byte[] body) throws Exception {
        return send(path, "text/markdown", user, body);
    }

    private HttpResponse<String> send(String path, String contentType, String user, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .header("Authorization", basic(user, user))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String listId, int expected) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "group.id", TestInfrastructure.uniqueName("reader"), "auto.offset.reset", "earliest"));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (listId.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
