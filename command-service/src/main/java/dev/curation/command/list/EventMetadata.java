package dev.curation.command.list;

/** Keys of the metadata every list event carries besides Axon's correlation data. */
public final class EventMetadata {

    /** The list version the event belongs to. */
    public static final String VERSION = "listVersion";
    /** True on the last event of a version; readers show a version only once it is complete. */
    public static final String END_OF_VERSION = "endOfVersion";
    /** The signed-in user who caused the event. */
    public static final String ACTOR = "actor";
    /** Id of the command that caused the event (set by Axon's MessageOriginProvider). */
    public static final String CORRELATION_ID = "correlationId";
    /** The W3C trace id of the request that caused the event (from its command, by MessageOriginProvider). */
    public static final String TRACE_ID = "traceId";

    private EventMetadata() {
    }
}
