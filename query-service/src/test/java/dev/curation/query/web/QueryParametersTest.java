package dev.curation.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared checks, for what HTTP cannot carry (unpaired surrogates do not survive UTF-8 decoding). */
class QueryParametersTest {

    @Test
    void textRefusesUnpairedSurrogatesButKeepsPairs() {
        assertThatThrownBy(() -> QueryParameters.text("q", "a\uD800b", 10))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("q").hasMessageContaining("U+D800");
        assertThatThrownBy(() -> QueryParameters.text("q", "\uDC00", 10)).hasMessageContaining("a lone surrogate");
        assertThatThrownBy(() -> QueryParameters.text("actor", "a\u2028b", 10)).hasMessageContaining("U+2028");
        assertThat(QueryParameters.text("q", "😀 服务", 10)).isEqualTo("😀 服务");
        assertThat(QueryParameters.text("q", null, 10)).isNull();
    }

    @Test
    void instantsAreBoundedToYearsOneTo9999() {
        assertThat(QueryParameters.instant("at", "9999-12-31T23:59:59.999999999Z")).isEqualTo(QueryParameters.LATEST);
        assertThat(QueryParameters.instant("at", "2026-11-23T10:00:00+01:00")).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(QueryParameters.instant("at", " ")).isNull();
        assertThatThrownBy(() -> QueryParameters.instant("at", "+10000-01-01T00:00:00Z")).hasMessageContaining("at must be");
        assertThatThrownBy(() -> QueryParameters.instant("at", "x".repeat(65))).hasMessageContaining("at most 64");
    }

    @Test
    void echoesAreShortAndWritableAsJson() {
        assertThat(QueryParameters.echo("a\u0000\uD800b")).isEqualTo("'a\uFFFD\uFFFDb'");
        assertThat(QueryParameters.echo("😀".repeat(50))).isEqualTo("'" + "😀".repeat(40) + "…'");
        assertThatThrownBy(() -> QueryParameters.oneOf("kind", "x".repeat(1000), List.of("edit")))
                .hasMessageContaining("kind must be one of [edit], not 'xxxx").hasMessageEndingWith("…'");
    }
}
