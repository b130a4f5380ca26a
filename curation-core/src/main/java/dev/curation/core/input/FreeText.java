package dev.curation.core.input;

import org.jspecify.annotations.Nullable;

/**
 * The character rule every free-text field follows. PostgreSQL cannot store NUL in text, JSON
 * and UTF-8 cannot carry lone surrogates, and control characters, C1 controls, U+2028/U+2029 and
 * noncharacters have no place in a one-line title: any of them would either poison the read side
 * or turn up as garbage in the Markdown. Multi-line fields (text blocks, rationales, reasons)
 * also allow line feeds, carriage returns and tabs.
 */
public final class FreeText {

    private FreeText() {
    }

    /** What is wrong with {@code value}, or null when every character is acceptable. */
    public static @Nullable String problem(String value, boolean multiLine) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(i + 1));
                    if (isNoncharacter(cp)) {
                        return describe("a noncharacter", cp, i);
                    }
                    i++;
                    continue;
                }
                return describe("a lone surrogate", c, i);
            }
            if (Character.isLowSurrogate(c)) {
                return describe("a lone surrogate", c, i);
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (lineBreak) {
                if (!multiLine) {
                    return describe("a line break or tab", c, i);
                }
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return describe("a control character", c, i);
            } else if (!multiLine && (c == '\u2028' || c == '\u2029')) {
                return describe("a line separator", c, i);
            } else if (isNoncharacter(c)) {
                return describe("a noncharacter", c, i);
            }
        }
        return null;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...). */
    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String describe(String what, int cp, int index) {
        return String.format("must not contain %s (U+%04X at index %d)", what, cp, index);
    }

    /**
     * Checks a free-text field: acceptable characters and at most {@code max} characters (UTF-16
     * code units, as Java and JavaScript count them).
     *
     * @throws InputException.Invalid naming the field
     */
    public static @Nullable String check(String field, @Nullable String value, int max, boolean multiLine) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new InputException.Invalid(field, "must be at most " + max + " characters, not " + value.length());
        }
        String problem = problem(value, multiLine);
        if (problem != null) {
            throw new InputException.Invalid(field, problem);
        }
        return value;
    }
}
