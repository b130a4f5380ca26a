package dev.curation.links;

import java.util.BitSet;

/** The HTTP status codes that count as alive, from a spec such as {@code 200-299,403}. */
public final class StatusCodes {

    private final BitSet codes;
    private final String spec;

    private StatusCodes(BitSet codes, String spec) {
        this.codes = codes;
        this.spec = spec;
    }

    /** @throws IllegalArgumentException naming the part that is not a code or a range of codes in 100-599 */
    public static StatusCodes parse(String spec) {
        BitSet codes = new BitSet(600);
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] bounds = p.split("-", 2);
            try {
                int from = Integer.parseInt(bounds[0].strip());
                int to = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : from;
                if (from < 100 || to > 599 || from > to) {
                    throw new IllegalArgumentException("accepted status codes: '" + p + "' is not within 100-599");
                }
                codes.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("accepted status codes: '" + p + "' is not a code or a range like 200-299", e);
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("accepted status codes: '" + spec + "' accepts no code");
        }
        return new StatusCodes(codes, spec);
    }

    public boolean accepts(int status) {
        return status >= 0 && status < 600 && codes.get(status);
    }

    @Override
    public String toString() {
        return spec;
    }
}
