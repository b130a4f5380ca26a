package dev.curation.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same link written differently is one link; different links stay different, whatever their case. */
class UrlKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com/a | http://example.com/a",
            "https://example.com/a | https://www.example.com/a",
            "https://example.com/a | https://EXAMPLE.com/a",
            "https://example.com/a | https://example.com/a/",
            "https://example.com | https://example.com/",
            "https://example.com/docs/ | https://example.com/docs/index.html",
            "https://example.com/a?x=1 | https://example.com/a?utm_source=list&x=1&utm_medium=md",
            "https://example.com/a | https://example.com/a?utm_campaign=x",
            "https://example.com/a | https://example.com:443/a",
            "http://example.com/a | http://example.com:80/a",
            "HTTPS://Example.com/a | https://example.com/a",
            "' https://example.com/a ' | https://example.com/a"})
    void theSameLinkWrittenDifferentlyHasOneKey(String a, String b) {
        assertThat(UrlKey.of(a)).isEqualTo(UrlKey.of(b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ | https://www.youtube.com/watch?v=dQw4w9WgXcq",
            "https://example.com/Readme | https://example.com/readme",
            "https://example.com/a#Intro | https://example.com/a#intro",
            "https://example.com/a?x=1 | https://example.com/a?x=2",
            "https://example.com/a | https://example.org/a",
            "https://example.com/a | https://example.com/a/b",
            "https://example.com:8080/a | https://example.com/a",
            "mailto:a@example.com | mailto:b@example.com"})
    void differentLinksHaveDifferentKeys(String a, String b) {
        assertThat(UrlKey.of(a)).isNotEqualTo(UrlKey.of(b));
    }
}
