package dev.curation.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "  javascript:alert(1)", "\u0001javascript:x",
            "\u0000\u001Fjavascript:x", "java\tscript:alert(1)", "java\nscript:x", "javascript&#58;alert(1)",
            "javascript&#x3A;alert(1)", "javascript&#0058alert(1)", "javascript&colon;alert(1)", "javascript\\:alert(1)",
            "&#106;avascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "DATA:text/html,x", "vbscript:msgbox(1)",
            "file:///etc/passwd", "tel:+4912345", "ftp://example.com/x", "c:\\windows", "javascript :x", "java\u0000script:x",
            "java\uFFFDscript:alert(1)", "https://exa\u0007mple.com/"})
    void scriptsAndOtherSchemesAreUnsafe(String url) {
        assertThat(LinkSafety.unsafe(url)).as(url).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/a?b=c#d", "HTTP://EXAMPLE.COM", "http://x", "mailto:someone@example.com",
            " https://example.com ", "#section", "./file.md", "../up/file.md", "file.md", "/absolute/path", "//cdn.example.com/x",
            "?q=a:b", "#a:b", "docs/a:b", "a&amp;b.md", "https://example.com/?a=1&b=2", "https://例子.测试/路径"})
    void webAndMailLinksAndRelativeOnesAreSafe(String url) {
        assertThat(LinkSafety.unsafe(url)).as(url).isFalse();
    }

    @Test
    void noLinkIsNotUnsafe() {
        assertThat(LinkSafety.unsafe("")).isFalse();
        assertThat(LinkSafety.unsafe(null)).isFalse();
    }
}
