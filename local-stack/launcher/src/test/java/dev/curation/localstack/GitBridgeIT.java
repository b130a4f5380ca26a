package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The git bridge on the real stack, from a repository made with Debian's git: kill -9 of the command
 * service in the middle of a history import and in the middle of publishing loses and doubles
 * nothing: afterwards each version is one commit and each commit one version, byte for byte.
 */
class GitBridgeIT extends SeedListSession {

    private static final int COMMITS = 160;

    @Test
    void killedDuringImportAndDuringPublishingNothingIsLostOrDoubled() throws Exception {
        Path work = data.resolve("work");
        Path bare = data.resolve("awesome.git");
        git(data, "init", "-q", "-b", "main", work.toString());
        List<String> contents = new ArrayList<>();
        List<String> contentCommits = new ArrayList<>();
        StringBuilder file = new StringBuilder("# Awesome history\n\n## Tools\n\n");
        String name = "readme.md";
        String[] authors = {"Jane Doe", "Wang Wei", "Ana Lima"};
        for (int i = 0; i < COMMITS; i++) {
            if (i == COMMITS / 2) {
                git(work, "mv", name, "README.md");
                name = "README.md";
                commit(work, authors[0], "Rename the list");
            }
            if (i == COMMITS / 3) {
                Files.writeString(work.resolve("LICENSE"), "MIT\n");
                commit(work, authors[1], "Add a licence");
            }
            file.append("* [Project ").append(i).append("](https://example.com/p/").append(i).append(") - tool ").append(i)
                    .append(i % 7 == 0 ? "\r\n" : "\n");
            Files.writeString(work.resolve(name), file.toString());
            commit(work, authors[i % 3], "Add project " + i);
            contents.add(file.toString());
            contentCommits.add(git(work, "rev-parse", "HEAD").strip());
        }
        git(data, "clone", "-q", "--bare", work.toString(), bare.toString());
        String url = bare.toUri().toString();

        // the import, killed while it runs
        HttpResponse<String> started = post("alice", "/api/lists?slug=history",
                "{\"git\":{\"repository\":\"" + url + "\",\"branch\":\"main\",\"path\":\"README.md\"}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> importVersion() >= 3);
        assertThat(importState()).as("killed while importing").isEqualTo("running");
        killCommandService();
        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> importState().equals("complete"));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get("/api/lists/history").statusCode() == 200
                && JSON.readTree(get("/api/lists/history").body()).get("version").asLong() == COMMITS);

        // one version per commit that changed the file (not the rename, not the licence), each the file at its
        // commit, each commit once
        Set<String> seen = new HashSet<>();
        for (int version = 1; version <= COMMITS; version++) {
            JsonNode row = JSON.readTree(get("/api/lists/history/history/" + version).body());
            String commit = row.get("commit").get("id").asString();
            assertThat(seen.add(commit)).as("version %d's commit once", version).isTrue();
            if (version % 16 == 1 || version == COMMITS) {
                assertThat(new String(get("/api/lists/history/markdown?version=" + version).body(), StandardCharsets.UTF_8))
                        .as("version %d", version).isEqualTo(contents.get(version - 1));
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(contentCommits);
        for (int version = 1; version <= COMMITS; version += 37) {
            String commit = JSON.readTree(get("/api/lists/history/history/" + version).body()).get("commit").get("id").asString();
            assertThat(commit).as("version %d", version).isEqualTo(contentCommits.get(version - 1));
        }

        // publishing, killed while it runs: every edit one commit, none twice, none lost
        HttpResponse<String> set = put("alice", "/api/lists/history/git", "{\"repository\":\"" + url
                + "\",\"branch\":\"main\",\"path\":\"README.md\",\"publish\":true,\"pull\":true}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> bridgeState().equals("in-sync"));
        JsonNode structure = JSON.readTree(get("/api/lists/history").body());
        String tools = find(structure.get("sections"), "Tools");
        int edits = 12;
        for (int i = 0; i < edits; i++) {
            String body = "{\"rationale\":\"Add tool " + i + "\",\"edits\":[{\"op\":\"addLink\",\"section\":\"" + tools
                    + "\",\"title\":\"Tool " + i + "\",\"url\":\"https://tools.example/" + i + "\"}]}";
            String key = "publish-" + i;
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().pollInterval(Duration.ofMillis(200))
                    .until(() -> keyed("bob", "/api/lists/history/edits", body, key).statusCode() == 200);
            if (i == 4) {
                killCommandService();
            }
        }
        long last = COMMITS + edits;
        // the bridge has taken every edit to git (its state alone may still be the one before the edits)
        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> bridgeState().equals("in-sync")
                && JSON.readTree(getCommand("/api/lists/history/git")).get("lastVersion").asLong() == last
                && JSON.readTree(get("/api/lists/history").body()).get("version").asLong() == last);
        String published = git(bare, "log", "--first-parent", "--format=%(trailers:key=Curation-Version,valueonly,separator=)");
        List<String> versions = published.lines().filter(l -> !l.isBlank()).toList();
        List<String> expected = new ArrayList<>();
        for (long v = last; v > COMMITS; v--) {
            expected.add(Long.toString(v));
        }
        assertThat(versions).containsExactlyElementsOf(expected);
        assertThat(git(bare, "show", "main:README.md")).isEqualTo(
                new String(get("/api/lists/history/markdown").body(), StandardCharsets.UTF_8));
        assertThat(git(bare, "log", "-1", "--format=%an|%s")).isEqualTo("bob|Add tool " + (edits - 1) + "\n");
    }

    private static long importVersion() throws Exception {
        return JSON.readTree(getCommand("/api/lists/history/git/import")).get("version").asLong();
    }

    private static String importState() throws Exception {
        return JSON.readTree(getCommand("/api/lists/history/git/import")).get("state").asString();
    }

    private static String bridgeState() throws Exception {
        return JSON.readTree(getCommand("/api/lists/history/git")).get("state").asString();
    }

    private static String getCommand(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path)).header("Authorization", signIn("alice"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> put(String user, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", signIn(user)).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> keyed(String user, String path, String body, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", signIn(user)).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void killCommandService() throws IOException {
        String pid = Files.readString(data.resolve("run").resolve("command-service.pid")).strip();
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static void commit(Path work, String author, String message) throws Exception {
        String email = author.toLowerCase().replace(' ', '.') + "@example.org";
        git(work, Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", email, "GIT_COMMITTER_NAME", author,
                "GIT_COMMITTER_EMAIL", email), "add", "-A");
        git(work, Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", email, "GIT_COMMITTER_NAME", author,
                "GIT_COMMITTER_EMAIL", email), "commit", "-q", "-m", message);
    }

    private static String git(Path dir, String... args) throws Exception {
        return git(dir, Map.of(), args);
    }

    private static String git(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
