package dev.curation.localstack;

import dev.curation.embedded.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack as the end-to-end tests start it: free loopback ports, a temporary data directory, the built
 * jars; the web app only where asked for ({@code options(data, true)}), at {@link LocalStack#webUrl()}.
 */
final class StackFixture {

    static final Path SEEDS = Path.of(System.getProperty("curation.seeds-dir", "../../seeds"));
    /**
     * The JVM options of every service a test starts. C1 only: a test's services live for seconds to
     * minutes, where C2's compilations cost two busy cores more than its code gains (ADR 32).
     */
    static final String JAVA_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private StackFixture() {
    }

    /** A stack without the web app: only WebIT and SupervisionIT need it, and every JVM costs the suite time. */
    static StackOptions options(Path data) {
        return options(data, false);
    }

    static StackOptions options(Path data, boolean webApp) {
        Map<String, String> env = new HashMap<>();
        env.put("CURATION_WEB", webApp ? "on" : "off");
        env.put("CURATION_DATA_DIR", data.toString());
        env.put("CURATION_WEB_PORT", Integer.toString(Ports.free()));
        env.put("CURATION_COMMAND_PORT", Integer.toString(Ports.free()));
        env.put("CURATION_QUERY_PORT", Integer.toString(Ports.free()));
        env.put("CURATION_IDENTITY_PORT", Integer.toString(Ports.free()));
        env.put("CURATION_KAFKA_PORT", Integer.toString(Ports.free()));
        env.put("CURATION_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
        env.put("CURATION_PG_PORT", Integer.toString(Ports.free()));
        env.put("CURATION_SEEDS_DIR", SEEDS.toString());
        env.put("CURATION_WEB_JAR", System.getProperty("curation.web-jar"));
        env.put("CURATION_COMMAND_JAR", System.getProperty("curation.command-jar"));
        env.put("CURATION_QUERY_JAR", System.getProperty("curation.query-jar"));
        env.put("CURATION_IDENTITY_JAR", System.getProperty("curation.identity-jar"));
        // tests never reach the internet: the seeds' links are not checked (LinkHealthIT checks local ones)
        env.put("CURATION_LINK_CHECKS", "off");
        // test receivers of webhooks listen on loopback, which a real stack refuses; retries in seconds
        env.put("CURATION_JAVA_OPTS", JAVA_OPTIONS + " -Dcuration.webhooks.allow-private=true"
                + " -Dcuration.webhooks.backoff=200ms -Dcuration.webhooks.max-backoff=1s"
                // git bridges (GitBridgeIT) sync twice a second
                + " -Dcuration.git.poll-interval=500ms");
        return StackOptions.parse(new String[] {"start"}, env);
    }

    /** The options of {@code previous} on another data directory: same ports, so tokens of its issuer stay valid. */
    static StackOptions sameAs(StackOptions previous, Path data) {
        return new StackOptions(data, previous.webPort(), previous.commandPort(), previous.queryPort(),
                previous.identityPort(), previous.kafkaPort(), previous.kafkaControllerPort(), previous.pgPort(),
                previous.seedsDir(), previous.webJar(), previous.commandJar(), previous.queryJar(), previous.identityJar(),
                previous.javaOptions(), previous.linkChecks(), previous.webApp());
    }

    /** The options of {@code previous} with {@code extra} JVM options (system properties) for every service. */
    static StackOptions withJavaOptions(StackOptions previous, String extra) {
        return new StackOptions(previous.dataDir(), previous.webPort(), previous.commandPort(), previous.queryPort(),
                previous.identityPort(), previous.kafkaPort(), previous.kafkaControllerPort(), previous.pgPort(),
                previous.seedsDir(), previous.webJar(), previous.commandJar(), previous.queryJar(), previous.identityJar(),
                previous.javaOptions() + " " + extra, previous.linkChecks(), previous.webApp());
    }

    static LocalStack start(StackOptions options) {
        return LocalStack.start(options, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /**
     * An access token from the local issuer for a local account (secret = name), got as any client
     * gets one: the client credentials grant at the token endpoint the issuer's discovery names.
     */
    static String token(String issuer, String account) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            JsonMapper json = JsonMapper.builder().build();
            String tokenEndpoint = json.readTree(http.send(HttpRequest.newBuilder(
                    URI.create(issuer + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("token_endpoint").asString();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(tokenEndpoint))
                    .header("Authorization", basic(account))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + account + ": " + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTP Basic for a local account (password = name). */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
