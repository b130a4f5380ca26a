package dev.curation.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Spring MVC or Tomcat refuse before a page could (so MockMvc, without a container, cannot
 * show it) is the site's own page, in the reader's language: never Tomcat's report, the
 * whitelabel page or a 500. No service is needed: none of these requests reaches one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration,"
                + "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
        "curation.web.query-url=http://127.0.0.1:9", "curation.web.command-url=http://127.0.0.1:9"})
class ErrorPagesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theErrorPathItselfIsNoSuchPage() {
        assertSitePage(send("GET", "/error", null, "en"), 404, "Not found");
    }

    @Test
    void aValueThatIsNotANumberIsABadRequest() {
        assertSitePage(send("GET", "/lists/demo/proposals/p1?from=abc&to=1", null, "en"), 400, "Request not understood");
    }

    @Test
    void aQueryThatIsNotUtf8IsABadRequest() {
        assertSitePage(send("GET", "/lists/demo?q=%FF%C0%AF", null, "en"), 400, "Request not understood");
    }

    @Test
    void anAddressTomcatRefusesGetsTheSitesPageToo() {
        for (String path : new String[] {"/lists/%C0%AF", "/lists/a%00b", "/lists/..%2f..%2fetc"}) {
            HttpResponse<String> answer = send("GET", path, null, "en");
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).contains("<main id=\"main\"", "Request not understood")
                    .doesNotContain("HTTP Status", "Tomcat");
        }
    }

    @Test
    void aBodyOverTheLimitIsTooLargeInTheReadersLanguage() {
        String body = "title=" + "a".repeat(3 * 1024 * 1024);
        assertSitePage(send("POST", "/lists/demo/propose", body, "zh-CN"), 413, "内容过大");
    }

    @Test
    void aMethodAPageDoesNotTakeOrAFormWithoutItsTokenIsRefusedWithThePage() {
        assertSitePage(send("PUT", "/lists/demo/propose", "", "en"), 403, "Not allowed");
    }

    private static void assertSitePage(HttpResponse<String> answer, int status, String title) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("<main id=\"main\"", "<title>" + title)
                .doesNotContain("Whitelabel", "HTTP Status", "Exception");
    }

    private HttpResponse<String> send(String method, String path, String body, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", language);
        if (body != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        try {
            return HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
