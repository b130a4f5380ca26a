package dev.curation.command.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads NDJSON lines from a stream without trusting it: a line longer than {@code maxLineBytes}
 * is refused before it is held, so a hostile bundle costs at most one line of memory.
 */
final class BundleLines {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long number;

    BundleLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its line feed (a CR before it is kept: JSON ignores it), or null at the end. */
    byte @Nullable [] next() throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (length == 0) {
                        return null;
                    }
                    number++;
                    return Arrays.copyOf(line, length);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > maxLineBytes) {
                throw BundleRefusal.invalid("line", "line " + (number + 1) + " is longer than " + maxLineBytes
                        + " bytes (curation.limits.max-event-bytes and an envelope)");
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(length + chunk, Math.min(maxLineBytes, line.length * 2)));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (position < limit) {
                position++; // the line feed
                number++;
                return Arrays.copyOf(line, length);
            }
        }
    }

    /** The number of the line {@link #next} returned last, from 1. */
    long number() {
        return number;
    }
}
