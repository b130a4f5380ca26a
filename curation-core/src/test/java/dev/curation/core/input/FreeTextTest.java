package dev.curation.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "a\u001Fb", "\u007F", "x\u0085", "\u009F", "\uFFFE", "\uFFFF",
            "\uFDD0", "\uFDEF", "\uD83F\uDFFE", "a\uD800", "\uDC00b", "\uD800\uD800", "a\u2028b", "tab\there", "new\nline"})
    void oneLineFieldsRefuse(String value) {
        assertThat(FreeText.problem(value, false)).isNotNull();
        assertThatThrownBy(() -> FreeText.check("title", value, 300, false))
                .isInstanceOf(InputException.Invalid.class)
                .hasMessageStartingWith("title: must not contain")
                .hasMessageContaining("U+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "crlf\r\nline", "tab\there", "a\u2028b"})
    void multiLineFieldsAllowLineBreaksAndTabs(String value) {
        assertThat(FreeText.problem(value, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0085", "\uFFFE", "\uD800"})
    void multiLineFieldsStillRefuseControlsAndNoncharacters(String value) {
        assertThat(FreeText.problem(value, true)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kafka", "服务注册", "emoji 😀 ok", "café", "\uFDCF", "\uFDF0", "\uD83D\uDE00"})
    void ordinaryTextPasses(String value) {
        assertThat(FreeText.problem(value, false)).isNull();
    }

    @org.junit.jupiter.api.Test
    void lengthIsBoundedAndNamed() {
        assertThat(FreeText.check("reason", "x".repeat(10), 10, true)).hasSize(10);
        assertThatThrownBy(() -> FreeText.check("reason", "x".repeat(11), 10, true))
                .isInstanceOf(InputException.Invalid.class)
                .hasMessage("reason: must be at most 10 characters, not 11");
    }

    /** What passes holds no character PostgreSQL, JSON or a one-line Markdown field cannot carry. */
    @Property(tries = 2000)
    void acceptedTextHoldsNothingForbidden(@ForAll String value) {
        if (FreeText.problem(value, false) != null) {
            return;
        }
        value.codePoints().forEach(cp -> {
            assertThat(cp).isGreaterThanOrEqualTo(0x20);
            assertThat(cp < 0x7F || cp > 0x9F).isTrue();
            assertThat(FreeText.isNoncharacter(cp)).isFalse();
            assertThat(Character.isSurrogate((char) cp) && cp < 0x10000).isFalse();
        });
    }
}
