package dev.curation.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
        assertThat(ParameterConversion.instant("9999-12-31T23:59:59.999999999Z")).isEqualTo(QueryParameters.LATEST);
        assertThat(ParameterConversion.instant("2026-11-23T10:00:00+01:00")).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(ParameterConversion.instant(" ")).isNull();
        assertThatThrownBy(() -> ParameterConversion.instant("+10000-01-01T00:00:00Z"))
                .isInstanceOf(ParameterConversion.OutOfRange.class).hasMessageContaining("between years 1 and 9999");
        assertThatThrownBy(() -> ParameterConversion.instant("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterConversion.instant("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enumsAreReadByTheirLowerCaseWireNames() {
        var units = new ParameterConversion.WireNames<>(java.util.concurrent.TimeUnit.class);
        units.setAsText("seconds");
        assertThat(units.getValue()).isEqualTo(java.util.concurrent.TimeUnit.SECONDS);
        units.setAsText(" ");
        assertThat(units.getValue()).isNull();
        assertThatThrownBy(() -> units.setAsText("SECONDS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> units.setAsText("\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> units.setAsText("fortnights")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ParameterConversion.expected(java.util.concurrent.TimeUnit.class)).startsWith("one of [nanoseconds, microseconds");
    }

    @Test
    void echoesAreShortAndWritableAsJson() {
        assertThat(QueryParameters.echo("a\u0000\uD800b")).isEqualTo("'a\uFFFD\uFFFDb'");
        assertThat(QueryParameters.echo("😀".repeat(50))).isEqualTo("'" + "😀".repeat(40) + "…'");
    }
}
