package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An imported link a browser would run ({@code javascript:}, {@code data:}, ...) stays in the
 * Markdown export byte for byte, but the structure JSON and search never offer it as a {@code url}.
 */
class UnsafeLinksTest extends KafkaFedTest {

    private static final String MARKDOWN = """
            # Links zqunsafe\r
            - [Click zqunsafe](javascript:alert(document.cookie))\r
            * [Data zqunsafe](  DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) - looks like a description\r
            - [Encoded zqunsafe](javascript&#58;alert(1))\r
            - [Script zqunsafe](VBScript:msgbox(1))\r
            - [Anchor zqunsafe](#links)\r
            - [File zqunsafe](./docs/file.md)\r
            - [Web zqunsafe](https://example.com/a?b=c)\r
            - [Mail zqunsafe](mailto:someone@example.com)\r
            """;

    @Test
    void unsafeLinksAreFlaggedButExportedVerbatim() throws Exception {
        importList(UUID.randomUUID().toString(), "unsafe-links", MARKDOWN);

        byte[] exported = get("/api/lists/unsafe-links/markdown").body();
        assertThat(exported).isEqualTo(MARKDOWN.getBytes(StandardCharsets.UTF_8));

        Map<String, JsonNode> entries = byTitle(getJson("/api/lists/unsafe-links").get("sections").get(0).get("entries"));
        assertUnsafe(entries.get("Click zqunsafe"), "javascript:alert(document.cookie)");
        assertUnsafe(entries.get("Data zqunsafe"), "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");
        assertUnsafe(entries.get("Encoded zqunsafe"), "javascript&#58;alert(1)");
        assertUnsafe(entries.get("Script zqunsafe"), "VBScript:msgbox(1)");
        assertThat(entries.get("Data zqunsafe").get("description").asString()).isEqualTo("looks like a description");
        assertSafe(entries.get("Anchor zqunsafe"), "#links");
        assertSafe(entries.get("File zqunsafe"), "./docs/file.md");
        assertSafe(entries.get("Web zqunsafe"), "https://example.com/a?b=c");
        assertSafe(entries.get("Mail zqunsafe"), "mailto:someone@example.com");

        Map<String, JsonNode> hits = byTitle(getJson("/api/search?q=zqunsafe").get("items"));
        assertThat(hits).hasSize(8);
        assertUnsafe(hits.get("Click zqunsafe"), "javascript:alert(document.cookie)");
        assertUnsafe(hits.get("Encoded zqunsafe"), "javascript&#58;alert(1)");
        assertSafe(hits.get("Anchor zqunsafe"), "#links");
        assertSafe(hits.get("Web zqunsafe"), "https://example.com/a?b=c");
        assertThat(new String(get("/api/search?q=zqunsafe").body(), StandardCharsets.UTF_8))
                .doesNotContain("\"url\":\"javascript", "\"url\":\"DATA", "\"url\":\"VBScript");
    }

    private static void assertUnsafe(JsonNode entry, String raw) {
        assertThat(entry.has("url")).as(entry.toString()).isTrue();
        assertThat(entry.get("url").isNull()).as(entry.toString()).isTrue();
        assertThat(entry.get("unsafe").asBoolean()).as(entry.toString()).isTrue();
        assertThat(entry.get("rawUrl").asString()).isEqualTo(raw);
    }

    private static void assertSafe(JsonNode entry, String url) {
        assertThat(entry.get("url").asString()).as(entry.toString()).isEqualTo(url);
        assertThat(entry.path("unsafe").asBoolean(false)).isFalse();
        assertThat(entry.has("rawUrl")).isFalse();
    }

    private static Map<String, JsonNode> byTitle(JsonNode entries) {
        Map<String, JsonNode> byTitle = new HashMap<>();
        entries.forEach(e -> byTitle.put(e.get("title").asString(), e));
        return byTitle;
    }
}
