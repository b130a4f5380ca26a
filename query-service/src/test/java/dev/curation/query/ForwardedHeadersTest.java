package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwarded headers with the native strategy, as docs/operations.md sets it up behind a proxy: only
 * the peer listed in curation.security.trusted-proxies (127.0.0.3 here) may say who the client is,
 * and loopback trust for the operations (no operations token here) is never granted by a header.
 * Clients connect from 127.0.0.2 (a peer that is no proxy) and 127.0.0.3 (the proxy): both are
 * loopback, which Tomcat's own default would have trusted as proxies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native", "curation.security.trusted-proxies=127.0.0.3"})
class ForwardedHeadersTest {

    private static final String QUARANTINE = "/api/operations/quarantine";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("proxies"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        String topic = TestInfrastructure.uniqueName("proxies");
        registry.add("curation.kafka.topic", () -> topic);
        registry.add("spring.kafka.consumer.group-id", () -> topic);
        registry.add("curation.links.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Test
    void aPeerThatIsNoProxyCannotClaimAnAddress() throws Exception {
        assertThat(get("127.0.0.2").statusCode()).isEqualTo(200);

        // ignored: the request's address stays the peer's
        assertThat(refusal(get("127.0.0.2", "X-Forwarded-For", "203.0.113.9")))
                .contains("came from 127.0.0.2, forwarded by a proxy").doesNotContain("203.0.113.9");
        // and a loopback address claimed in a header opens nothing, whichever header
        assertThat(refusal(get("127.0.0.2", "X-Forwarded-For", "127.0.0.1"))).contains("came from 127.0.0.2");
        assertThat(refusal(get("127.0.0.2", "Forwarded", "for=127.0.0.1"))).contains("came from 127.0.0.2");
    }

    @Test
    void theTrustedProxyIsBelievedButItsLoopbackClientsAreNotTrusted() throws Exception {
        assertThat(refusal(get("127.0.0.3", "X-Forwarded-For", "203.0.113.9")))
                .contains("came from 203.0.113.9, forwarded by a proxy");
        // a client of the proxy on the proxy's host, or one that wrote the header itself: not this host's loopback
        assertThat(refusal(get("127.0.0.3", "X-Forwarded-For", "127.0.0.1"))).contains("came from 127.0.0.1, forwarded");
        assertThat(refusal(get("127.0.0.3", "X-Forwarded-For", "127.0.0.1, 203.0.113.9"))).contains("came from 203.0.113.9");
        // the proxy itself, without a header: still a forwarded request
        assertThat(refusal(get("127.0.0.3"))).contains("came from 127.0.0.3, forwarded");
    }

    private static String refusal(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo("urn:curation:problem:operations-disabled");
        return JSON.readTree(response.body()).get("detail").asString();
    }

    private HttpResponse<String> get(String from, String... header) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + QUARANTINE));
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
