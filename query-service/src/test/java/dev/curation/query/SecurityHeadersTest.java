package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A browser treats every answer as data: nothing sniffed, framed or run, the Swagger UI excepted for scripts. */
class SecurityHeadersTest extends KafkaFedTest {

    @Test
    void everyAnswerTellsBrowsersNotToSniffFrameOrRunIt() throws Exception {
        importList(UUID.randomUUID().toString(), "headers", "# H\n- [<script>](https://h.example)\n");

        for (String path : List.of("/api/lists", "/api/lists/headers", "/api/lists/headers/markdown", "/api/lists/nope",
                "/api/search?q=%00", "/v3/api-docs")) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue("default-src 'none'; frame-ancestors 'none'; sandbox");
        }
        HttpResponse<byte[]> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    }
}
