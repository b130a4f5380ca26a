package dev.curation.command.bundle;

/** What a list bundle is, as both sides of a move read it (docs/api-guide.md, "Moving a list to another installation"). */
public final class BundleFormat {

    /** The bundle's media type: one JSON object a line. */
    public static final String MEDIA_TYPE = "application/x-ndjson";
    /** The header's {@code format}. */
    public static final String NAME = "curation-list-bundle";
    /** The header's {@code formatVersion}: the only one this installation reads and writes. */
    public static final int VERSION = 1;
    /** The prefix of the last line's {@code checksum}. */
    static final String SHA_256 = "sha256:";
    /** Axon's aggregate type of every list event ({@code CuratedList}'s simple name). */
    static final String AGGREGATE_TYPE = "CuratedList";

    private BundleFormat() {
    }
}
