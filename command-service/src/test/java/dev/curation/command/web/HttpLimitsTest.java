package dev.curation.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.embedded.TestInfrastructure;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits that hold before any work is done, over real HTTP against the real service (embedded
 * PostgreSQL and Kafka): body sizes, JSON shape, errors outside the controllers, and the cost
 * of signing in. Each test that fails sign-ins uses its own client address (127.0.0.x), since
 * failures are counted per account and address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class HttpLimitsTest {

    private static final Pattern CLASS_NAME = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z]");
    /** Password checks made by the service's PasswordEncoder (the one bean, wrapped). */
    private static final AtomicInteger CHECKS = new AtomicInteger();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("command"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
        registry.add("curation.import.max-size", () -> "64KB");
        // past the five free failures a pair waits a minute, not a second, so that a slow machine sees the wait
        registry.add("curation.security.login-failures.first-delay", () -> "1m");
    }

    @TestConfiguration
    static class CountingPasswords {
        @Bean
        static BeanPostProcessor countPasswordChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PasswordEncoder encoder && !(bean instanceof Counting)
                            ? new Counting(encoder) : bean;
                }
            };
        }
    }

    record Counting(PasswordEncoder delegate) implements PasswordEncoder {
        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            CHECKS.incrementAndGet();
            return delegate.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aTwentyMegabyteChangeSetIsRefusedBeforeItIsRead() throws Exception {
        importList("big");
        long events = eventCount();
        byte[] body = changeSet(200_000);
        assertThat(body.length).isGreaterThan(20_000_000);

        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request("/api/lists/big/edits", "alice")
                .header("Content-Type", "application/json")
                .expectContinue(true) // as curl sends it: the body is not even sent when refused
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        JsonNode problem = assertProblem(response, 413, "body-too-large");
        assertThat(problem.get("detail").asString()).contains("1048576 bytes", "curation.web.max-json-body");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnsweredBeforeTheBodyArrives() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/lists/any/edits HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic("alice", "alice")
                    + "\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // not a byte of the body is sent: a server that reads it would never answer
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyIsRefusedWhenItGrowsPastTheLimit() throws Exception {
        importList("chunked");
        long events = eventCount();
        byte[] body = changeSet(15_000); // about 1.5 MB of valid JSON, sent without a length

        HttpResponse<String> response = http.send(request("/api/lists/chunked/edits", "alice")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(body.length).isBetween(1_100_000, 2_000_000);
        assertProblem(response, 413, "body-too-large");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aChunkedMarkdownImportIsRefusedPastImportMaxSize() throws Exception {
        byte[] markdown = ("# Big\n\n" + "- [a](https://example.com/a)\n".repeat(3_000)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = http.send(request("/api/lists?slug=chunked-import", "alice")
                .header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(markdown))).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode problem = assertProblem(response, 413, "body-too-large");
        assertThat(problem.get("detail").asString()).contains("curation.import.max-size");
    }

    @Test
    void anIdempotencyKeyNeverTruncatesABody() throws Exception {
        importList("keyed");
        long events = eventCount();
        byte[] body = changeSet(15_000);

        HttpResponse<String> tooLarge = http.send(request("/api/lists/keyed/edits", "alice")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "k-large")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(tooLarge, 413, "body-too-large");
        assertThat(eventCount()).isEqualTo(events);
        // the key was not claimed by the refused request: it still works for a request of the right size
        HttpResponse<String> retried = http.send(request("/api/lists/keyed/edits", "alice")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "k-large")
                .POST(HttpRequest.BodyPublishers.ofByteArray(changeSet(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    }

    @Test
    void deeplyNestedJsonIsABadRequestThatNamesNoJavaType() throws Exception {
        String nested = "[".repeat(10_000) + "]".repeat(10_000);

        HttpResponse<String> topLevel = postJson("/api/lists/any/edits", nested);
        HttpResponse<String> inEdits = postJson("/api/lists/any/edits", "{\"edits\":" + nested + "}");

        assertProblem(topLevel, 400, "malformed-json");
        assertProblem(inEdits, 400, "malformed-json");
        assertThat(json.readTree(inEdits.body()).get("detail").asString()).isEqualTo("edits[0]: expected an object");
    }

    @Test
    void theMapperRefusesDeepNestingAndSaysWhichLimit() {
        String deep = "[".repeat(33) + "]".repeat(33);

        assertThatThrownBy(() -> json.readTree(deep)).isInstanceOfSatisfying(StreamConstraintsException.class,
                e -> assertThat(JsonErrors.describe(e).detail())
                        .contains("32", "spring.jackson.factory.constraints.read.max-nesting-depth")
                        .doesNotContain("StreamReadConstraints"));
    }

    @Test
    void aHugeStringIsRefusedWhileParsing() throws Exception {
        HttpResponse<String> response = postJson("/api/lists/any/edits",
                "{\"rationale\":\"" + "x".repeat(70_000) + "\",\"edits\":[]}");

        JsonNode problem = assertProblem(response, 400, "json-over-limit");
        assertThat(problem.get("detail").asString())
                .contains("65536", "spring.jackson.factory.constraints.read.max-string-length");
        assertThat(problem.get("field").asString()).isEqualTo("rationale");
    }

    @Test
    void aWrongTypeIsNamedInJsonTerms() throws Exception {
        HttpResponse<String> response = postJson("/api/lists/any/edits",
                "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"position\":\"first\"}]}");

        JsonNode problem = assertProblem(response, 400, "malformed-json");
        assertThat(problem.get("detail").asString()).isEqualTo("edits[0].position: expected an integer, not \"first\"");
    }

    @Test
    void errorsOutsideTheControllersAreProblems() throws Exception {
        HttpResponse<String> postError = http.send(HttpRequest.newBuilder(uri("/error"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> getError = http.send(HttpRequest.newBuilder(uri("/error")).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(uri("/api/nothing/here")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = http.send(request("/api/lists", "alice")
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notAcceptable = http.send(HttpRequest.newBuilder(uri("/v3/api-docs"))
                .header("Accept", "image/png").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missingBody = postJson("/api/lists/any/edits", "");
        // refused by the security firewall with sendError(400), which the container forwards to /error
        HttpResponse<String> rejected = http.send(HttpRequest.newBuilder(uri("/api//lists")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(postError, 404, "not-found");
        assertProblem(getError, 404, "not-found");
        assertProblem(unknown, 404, null);
        assertProblem(wrongMethod, 405, null);
        assertProblem(notAcceptable, 406, null);
        assertThat(assertProblem(missingBody, 400, "malformed-json").get("detail").asString())
                .isEqualTo("the request body is missing");
        assertThat(assertProblem(rejected, 400, null).get("instance").asString()).isEqualTo("/api//lists");
    }

    @Test
    void aWrongPasswordCostsOneCheck() throws Exception {
        HttpClient client = clientFrom("127.0.0.4");
        CHECKS.set(0);

        HttpResponse<String> response = client.send(request("/api/lists?slug=wrong", "alice", "nope")
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString("# x\n")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 401, "unauthenticated");
        assertThat(CHECKS.get()).isEqualTo(1);
    }

    @Test
    void anUnknownUserCostsOneCheckToo() throws Exception {
        HttpClient client = clientFrom("127.0.0.5");
        CHECKS.set(0);

        HttpResponse<String> response = client.send(request("/api/lists?slug=unknown", "mallory", "mallory")
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString("# x\n")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 401, "unauthenticated");
        assertThat(CHECKS.get()).isEqualTo(1);
    }

    @Test
    void repeatedFailuresSlowDownTheGuesserAloneWithoutACheck() throws Exception {
        HttpClient guesser = clientFrom("127.0.0.6");
        for (int i = 0; i < 6; i++) {
            assertThat(guess(guesser, "alice", "guess-" + i).statusCode()).isEqualTo(401);
        }
        CHECKS.set(0);

        HttpResponse<String> seventh = guess(guesser, "alice", "guess-6");
        HttpResponse<String> evenTheRightOne = guess(guesser, "alice", "alice");

        assertProblem(seventh, 429, "too-many-failed-sign-ins");
        assertThat(seventh.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertProblem(evenTheRightOne, 429, "too-many-failed-sign-ins");
        assertThat(CHECKS.get()).isZero();
        // another account behind the guesser's address (a proxy, a NAT), and the same account from another client
        HttpResponse<String> sameAddress = guesser.send(request("/api/lists?slug=behind-the-same-address", "bob")
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString("# x\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sameAddress.statusCode()).as(sameAddress.body()).isEqualTo(201);
        HttpResponse<String> other = clientFrom("127.0.0.7").send(request("/api/lists?slug=other-client", "alice")
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString("# x\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
    }

    private HttpResponse<String> guess(HttpClient client, String user, String password) throws Exception {
        return client.send(request("/api/lists?slug=guess", user, password)
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString("# x\n")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient clientFrom(String address) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(address))
                .build();
    }

    private void importList(String slug) throws Exception {
        HttpResponse<String> response = http.send(request("/api/lists?slug=" + slug, "alice")
                .header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofString("# List\n\n- [a](https://example.com/a)\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** A change set adding {@code links} links to the imported list's only section. */
    private static byte[] changeSet(int links) {
        StringBuilder out = new StringBuilder("{\"edits\":[");
        for (int i = 0; i < links; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"Link number ").append(i)
                    .append("\",\"url\":\"https://example.com/links/").append(i).append("/page\"}");
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(request(path, "alice").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContainPattern(CLASS_NAME);
        JsonNode problem = json.readTree(response.body());
        if (type != null) {
            assertThat(problem.get("type").asString()).isEqualTo("urn:curation:problem:" + type);
        }
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private HttpRequest.Builder request(String path, String user) {
        return request(path, user, user);
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization", basic(user, password));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
