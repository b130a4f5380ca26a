package dev.curation.core.list;

import java.util.Locale;

/**
 * How our events are named as CloudEvents 1.0 (docs/events.md, ADR 30): the same attributes on the
 * Kafka records, the change streams and the webhook deliveries, so a consumer written with any
 * CloudEvents SDK reads them without knowing our envelope. Names only: the services write them
 * with the CloudEvents SDK of their protocol.
 */
public final class CloudEventNames {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Extension attribute: the list version the event belongs to. */
    public static final String LIST_VERSION = "listversion";
    /** Extension attribute: the event's position in its list's stream, from 0, no gaps. */
    public static final String LIST_SEQUENCE = "listsequence";
    /** Extension attribute: the signed-in user (or the git bridge) who caused it. */
    public static final String ACTOR = "actor";
    /** Extension attribute: the command that caused it; all events of one version share it. */
    public static final String CORRELATION_ID = "correlationid";
    /** Extension attribute: true on the last event of its version. */
    public static final String END_OF_VERSION = "endofversion";

    private static final String PREFIX = "dev.curation.";

    private CloudEventNames() {
    }

    /** The list, as a URI reference: {@code /lists/{listId}}. */
    public static String source(String listId) {
        return "/lists/" + listId;
    }

    /** An event's type with its payload revision: {@code dev.curation.list.LinkAdded.v1}. */
    public static String eventType(String type, String revision) {
        return PREFIX + "list." + type + ".v" + revision;
    }

    /** The version an event or a change belongs to: {@code versions/7}. */
    public static String subject(long version) {
        return "versions/" + version;
    }

    /** A change of the change streams and webhooks ({@code version}, {@code proposal}, {@code settings}). */
    public static String changeType(String kind) {
        return PREFIX + "change." + kind.toLowerCase(Locale.ROOT) + ".v1";
    }
}
