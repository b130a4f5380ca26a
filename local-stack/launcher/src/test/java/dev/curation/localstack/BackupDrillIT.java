package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.curation.embedded.PostgresServer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The disaster-recovery drill: a stack under write load, a backup taken during the load, the data
 * directory destroyed, a restore, a start: every edit acknowledged before the backup began is
 * there exactly once, nothing is there twice, the read models are projected afresh from the
 * republished topic without a human step, a token issued before still signs in (same issuer key),
 * a webhook keeps its secret; a damaged backup and an interrupted one are refused.
 */
class BackupDrillIT {

    private static final String LIST = "distributed-systems-notes";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DRILL = Pattern.compile("\\[Drill (\\d+)\\]\\(https://drill\\.example/\\d+\\)");

    @TempDir
    Path dir;

    @Test
    void aBackupTakenUnderWritesRestoresEveryAcknowledgedEditExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backup");
        Path restored = dir.resolve("restored");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StackOptions first = StackFixture.options(data);
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        Set<Integer> ackedBeforeBackup;
        String token;
        String secret;
        byte[] bundle;
        List<JsonNode> historyBefore;
        long versionBefore;
        try (LocalStack stack = StackFixture.start(first)) {
            token = StackFixture.token(stack.issuerUrl(), "alice");
            JsonNode structure = JSON.readTree(get(stack, "/api/lists/" + LIST));
            versionBefore = structure.get("version").asLong();
            String section = structure.get("sections").get(0).get("id").asString();
            HttpResponse<String> hook = post(stack, token, "/api/lists/" + LIST + "/webhooks",
                    "{\"url\":\"http://127.0.0.1:9/hook\",\"kinds\":[\"version\"]}", null);
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
            secret = JSON.readTree(hook.body()).get("secret").asString();

            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> load = writer.submit(() -> {
                for (int i = 0; writing.get(); i++) {
                    String body = "{\"edits\":[{\"op\":\"addLink\",\"section\":\"" + section + "\",\"title\":\"Drill " + i
                            + "\",\"url\":\"https://drill.example/" + i + "\"}]}";
                    if (post(stack, token, "/api/lists/" + LIST + "/edits", body, "drill-" + i).statusCode() == 200) {
                        acked.add(i);
                    }
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= 20);
            // kill -9 of a backup half-way (its copy begun, its manifest not written): nothing restorable
            Path killed = dir.resolve("killed");
            Process backingUp = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), LocalStack.class.getName(), "backup", "--to", killed.toString(),
                    "--data-dir", data.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> Files.isDirectory(killed.resolve("postgres").resolve("base")));
            backingUp.destroyForcibly().waitFor();
            assertThat(killed.resolve(Backups.MANIFEST)).as("killed before its manifest").doesNotExist();
            assertThatThrownBy(() -> Backups.restore(killed, dir.resolve("from-killed"), false, out))
                    .hasMessageContaining("no complete backup");
            ackedBeforeBackup = Set.copyOf(acked);
            Backups.backup(data, backup, out);
            int atBackupEnd = acked.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= atBackupEnd + 10);
            writing.set(false);
            load.get();
            writer.shutdown();
            // the list leaves as a bundle too, for another installation; read once the query side has every edit
            long last = versionBefore + acked.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> history(stack, LIST).getFirst().get("version").asLong() == last);
            bundle = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists/" + LIST + "/export"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            historyBefore = history(stack, LIST);
        }

        // the data directory is lost
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }

        // a damaged backup and an interrupted one restore nothing
        Path damaged = copyOf(backup, dir.resolve("damaged"));
        Path someFile;
        try (Stream<Path> files = Files.walk(damaged.resolve("postgres").resolve("global"))) {
            someFile = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.write(someFile, new byte[] {42}, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> Backups.restore(damaged, dir.resolve("nowhere"), false, out))
                .hasMessageContaining("checksum mismatch");
        Path interrupted = copyOf(backup, dir.resolve("interrupted"));
        Files.delete(interrupted.resolve(Backups.MANIFEST));
        assertThatThrownBy(() -> Backups.restore(interrupted, dir.resolve("nowhere"), false, out))
                .hasMessageContaining("no complete backup");
        assertThat(dir.resolve("nowhere")).doesNotExist();

        Backups.restore(backup, restored, false, out);
        assertThatThrownBy(() -> Backups.restore(backup, restored, false, out)).hasMessageContaining("not empty");
        try (LocalStack stack = StackFixture.start(StackFixture.sameAs(first, restored))) {
            // no human step: the topic is refilled and the read models projected afresh on this start
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> drills(get(stack, "/api/lists/" + LIST
                    + "/markdown")).containsAll(ackedBeforeBackup));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> JSON.readTree(get(stack, "/api/lists/"
                    + LIST)).get("version").asLong() == versionBefore + drills(get(stack, "/api/lists/" + LIST + "/markdown")).size());
            String markdown = get(stack, "/api/lists/" + LIST + "/markdown");
            List<Integer> present = new ArrayList<>();
            Matcher m = DRILL.matcher(markdown);
            while (m.find()) {
                present.add(Integer.parseInt(m.group(1)));
            }
            assertThat(present).as("no edit twice").doesNotHaveDuplicates();
            assertThat(present).as("every edit acknowledged before the backup").containsAll(ackedBeforeBackup);
            assertThat(acked).as("nothing that was never acknowledged").containsAll(present);
            // the token issued before still signs in: the issuer's key came back with the backup
            HttpResponse<String> after = post(stack, token, "/api/lists/" + LIST + "/edits", "{\"edits\":[{\"op\":\"addSection\","
                    + "\"parent\":null,\"title\":\"After the restore\"}]}", null);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            // the bundle imports into this installation with every version, author and time as they were
            HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists?slug=moved"))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bundle)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
            long movedVersion = historyBefore.getFirst().get("version").asLong();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> !history(stack, "moved").isEmpty()
                    && history(stack, "moved").getFirst().get("version").asLong() == movedVersion);
            List<JsonNode> historyMoved = history(stack, "moved");
            assertThat(historyMoved).hasSameSizeAs(historyBefore);
            for (int i = 0; i < historyBefore.size(); i++) {
                // the import's sentence names the list's new slug; every other field is as it was
                boolean imported = historyBefore.get(i).path("kind").asString().equals("import");
                for (String field : imported ? List.of("version", "actor", "timestamp", "kind")
                        : List.of("version", "actor", "timestamp", "kind", "summary")) {
                    assertThat(historyMoved.get(i).path(field).asString()).as("moved version's %s", field)
                            .isEqualTo(historyBefore.get(i).path(field).asString());
                }
            }
            // the webhook signs with the secret it was given
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + first.pgPort() + "/"
                    + LocalStack.EVENTS_DB, PostgresServer.USER, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT secret FROM webhook_secret")) {
                List<String> secrets = new ArrayList<>();
                while (rs.next()) {
                    secrets.add(rs.getString(1));
                }
                assertThat(secrets).contains(secret);
            }
        }
    }

    /** The newest 100 versions of a list's history, newest first. */
    private static List<JsonNode> history(LocalStack stack, String slug) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(get(stack, "/api/lists/" + slug + "/history?size=100")).path("items").forEach(items::add);
        return items;
    }

    private static Set<Integer> drills(String markdown) {
        Set<Integer> found = new HashSet<>();
        Matcher m = DRILL.matcher(markdown);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Path copyOf(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    private static String get(LocalStack stack, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(LocalStack stack, String token, String path, String body, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
