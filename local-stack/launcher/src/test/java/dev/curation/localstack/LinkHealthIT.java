package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.embedded.ScriptedSite;
import dev.curation.embedded.ScriptedSite.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A link dies in a running stack: the site behind it starts failing, the checker finds it dead after
 * the configured failures, the link bot proposes the archived copy through the command service, a
 * curator approves, and the Markdown changes on exactly that line. The site and the archive are
 * local (tests never reach the internet); every other URL, the seeds' too, is excluded.
 */
class LinkHealthIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void aDeadLinkBecomesABotProposalThatChangesExactlyItsLine() throws Exception {
        try (ScriptedSite site = ScriptedSite.start("127.0.0.1")) {
            site.script("/alive", Reply.status(200));
            site.script("/dying", Reply.status(200));
            site.script("/archive/wayback/available", Reply.json("""
                    {"archived_snapshots":{"closest":{"available":true,"status":"200","timestamp":"20240501000000",
                     "url":"https://web.archive.org/web/20240501000000/%s"}}}""".formatted(site.url("/dying"))));
            StackOptions defaults = StackFixture.options(data);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("CURATION_DATA_DIR", defaults.dataDir().toString());
            env.put("CURATION_WEB_PORT", "" + defaults.webPort());
            env.put("CURATION_COMMAND_PORT", "" + defaults.commandPort());
            env.put("CURATION_QUERY_PORT", "" + defaults.queryPort());
            env.put("CURATION_IDENTITY_PORT", "" + defaults.identityPort());
            env.put("CURATION_KAFKA_PORT", "" + defaults.kafkaPort());
            env.put("CURATION_KAFKA_CONTROLLER_PORT", "" + defaults.kafkaControllerPort());
            env.put("CURATION_PG_PORT", "" + defaults.pgPort());
            env.put("CURATION_SEEDS_DIR", defaults.seedsDir().toString());
            env.put("CURATION_WEB_JAR", defaults.webJar().toString());
            env.put("CURATION_COMMAND_JAR", defaults.commandJar().toString());
            env.put("CURATION_QUERY_JAR", defaults.queryJar().toString());
            env.put("CURATION_IDENTITY_JAR", defaults.identityJar().toString());
            env.put("CURATION_LINK_CHECKS", "on");
            env.put("CURATION_WEB", "off");
            env.put("CURATION_JAVA_OPTS", defaults.javaOptions()
                    + " -Dcuration.links.allow-private=true -Dcuration.links.exclude[0]=^https?://(?!127[.]0[.]0[.]1[:/])"
                    + " -Dcuration.links.poll-interval=200ms -Dcuration.links.recheck-after=1s"
                    + " -Dcuration.links.retry-after=200ms -Dcuration.links.dead-after=1s -Dcuration.links.retries=0"
                    + " -Dcuration.links.host-interval=0s -Dcuration.links.archive.base-url=" + site.url("/archive/"));
            try (LocalStack stack = StackFixture.start(StackOptions.parse(new String[] {"start"}, env))) {
                String markdown = """
                        # Field notes
                        ## Reading
                        - [Alive](%s) - Still there.
                        - [Dying](%s) - Soon gone.
                        """.formatted(site.url("/alive"), site.url("/dying"));
                HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists?slug=field-notes"))
                        .header("Content-Type", "text/markdown").header("Authorization", StackFixture.basic("alice"))
                        .POST(HttpRequest.BodyPublishers.ofString(markdown)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(json(stack, "/api/lists/field-notes/links").at("/counts/ok").asLong()).isEqualTo(2));

                site.script("/dying", Reply.status(404));
                JsonNode dead = await().atMost(Duration.ofSeconds(60)).until(
                        () -> json(stack, "/api/lists/field-notes/links?status=dead"),
                        links -> links.get("links").size() == 1 && links.at("/links/0/fix/state").asString("").equals("proposed"));
                JsonNode link = dead.at("/links/0");
                assertThat(link.get("title").asString()).isEqualTo("Dying");
                String archived = "https://web.archive.org/web/20240501000000/" + site.url("/dying");
                assertThat(link.get("archivedUrl").asString()).isEqualTo(archived);
                String proposal = link.at("/fix/proposal").asString();

                // a normal proposal, by the bot account, with a preview of the one line
                JsonNode view = await().atMost(Duration.ofSeconds(10)).until(
                        () -> json(stack, "/api/lists/field-notes/proposals/" + proposal), node -> node.has("proposal"));
                assertThat(view.at("/proposal/author").asString()).isEqualTo("link-bot");
                assertThat(view.at("/proposal/rationale").asString()).contains("dead", archived);

                HttpResponse<String> approved = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl()
                                + "/api/lists/field-notes/proposals/" + proposal + "/approve"))
                        .header("Authorization", StackFixture.basic("alice")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

                String after = await().atMost(Duration.ofSeconds(20)).until(
                        () -> new String(get(stack, "/api/lists/field-notes/markdown"), StandardCharsets.UTF_8),
                        text -> text.contains(archived));
                List<String> before = markdown.lines().toList();
                List<String> now = after.lines().toList();
                assertThat(now).hasSameSizeAs(before);
                List<Integer> changed = new ArrayList<>();
                for (int i = 0; i < before.size(); i++) {
                    if (!before.get(i).equals(now.get(i))) {
                        changed.add(i);
                    }
                }
                assertThat(changed).containsExactly(3);
                assertThat(now.get(3)).isEqualTo("- [Dying](" + archived + ") - Soon gone.");
                // the seeds were never requested: only the scripted paths were
                assertThat(site.requests()).allSatisfy(r -> assertThat(r.path()).isIn("/alive", "/dying",
                        "/archive/wayback/available"));
            }
        }
    }

    private static JsonNode json(LocalStack stack, String path) throws Exception {
        return JSON.readTree(get(stack, path));
    }

    private static byte[] get(LocalStack stack, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
