package dev.curation.command.config;

/** 413: a change would store an event larger than {@code curation.limits.max-event-bytes}; nothing was stored. */
public final class EventTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EventTooLargeException(String type, int bytes, int maxBytes) {
        super("the change would store a " + type + " event of " + bytes + " bytes, over the limit of " + maxBytes
                + " bytes (curation.limits.max-event-bytes); split it into smaller changes");
    }
}
