package dev.curation.core.input;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownInputTest {

    private static final InputLimits LIMITS = new InputLimits(10, 20, 5, 16 * 1024);

    @Test
    void nulIsRefusedNamingLineAndByteOffset() {
        // "é" takes two bytes: the NUL on line 2 is at byte offset 3 + 2 + 2
        assertThatThrownBy(() -> MarkdownInput.check("ab\né x\u0000", LIMITS))
                .isInstanceOf(InputException.Invalid.class)
                .hasMessage("markdown: line 2, byte offset 7: NUL (U+0000) cannot be stored; remove it");
    }

    @Test
    void crlfCountsAsOneLineBreakAndTwoBytes() {
        assertThatThrownBy(() -> MarkdownInput.check("a\r\nb\r\n\u0000", LIMITS))
                .hasMessageContaining("line 3, byte offset 6");
    }

    @Test
    void aLoneSurrogateIsRefused() {
        assertThatThrownBy(() -> MarkdownInput.check("ok\n\uD800", LIMITS))
                .isInstanceOf(InputException.Invalid.class)
                .hasMessageContaining("line 2, byte offset 3: a lone surrogate (U+D800)");
    }

    @Test
    void aLineOverTheLimitIsTooLargeNamingIt() {
        assertThatThrownBy(() -> MarkdownInput.check("short\n" + "y".repeat(21) + "\n", LIMITS))
                .isInstanceOf(InputException.TooLarge.class)
                .hasMessageContaining("line 2 (starting at byte offset 6) is 21 bytes long, over the limit of 20 bytes");
        assertThatCode(() -> MarkdownInput.check("y".repeat(20) + "\r\n", LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void lineLengthCountsUtf8Bytes() {
        assertThatThrownBy(() -> MarkdownInput.check("服".repeat(7), LIMITS))
                .isInstanceOf(InputException.TooLarge.class)
                .hasMessageContaining("is 21 bytes long");
    }

    @Test
    void tooManyLinesAreTooLarge() {
        assertThatCode(() -> MarkdownInput.check("1\n2\n3\n4\n5\n", LIMITS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MarkdownInput.check("1\n2\n3\n4\n5\n6", LIMITS))
                .isInstanceOf(InputException.TooLarge.class)
                .hasMessageContaining("more than 5 lines");
    }

    @Test
    void everythingElseIsAcceptedAsIs() {
        assertThatCode(() -> MarkdownInput.check("\u0001\u007F\uFFFE\t\u2028 😀\r", LIMITS)).doesNotThrowAnyException();
    }
}
