package dev.curation.core.input;

import org.jspecify.annotations.Nullable;

/** Bytes a string takes as a JSON string in UTF-8, counting escapes as the longest form (an upper bound). */
public final class JsonSize {

    private JsonSize() {
    }

    public static long of(@Nullable String value) {
        if (value == null) {
            return 4; // null
        }
        long bytes = 2; // quotes
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20) {
                bytes += 6; // backslash, u and four hex digits
            } else if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
