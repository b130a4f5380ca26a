package dev.curation.command.list;

import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/** Keys of the metadata every list event carries besides Axon's correlation data. */
public final class EventMetadata {

    /** The list version the event belongs to. */
    public static final String VERSION = "listVersion";
    /** True on the last event of a version; readers show a version only once it is complete. */
    public static final String END_OF_VERSION = "endOfVersion";
    /** The signed-in user who caused the event. */
    public static final String ACTOR = "actor";
    /**
     * The global roles of the signed-in user, comma-separated without a prefix ({@code CURATOR,CONTRIBUTOR}):
     * command metadata only, which the list checks with its members; events do not carry it.
     */
    public static final String ROLES = "roles";
    /** Id of the command that caused the event (set by Axon's MessageOriginProvider). */
    public static final String CORRELATION_ID = "correlationId";
    /** The W3C trace id of the request that caused the event (from its command, by MessageOriginProvider). */
    public static final String TRACE_ID = "traceId";
    /**
     * The W3C {@code traceparent} of the span that handled the command: readers of the event (the
     * Kafka publisher, the webhook outbox) open their spans as its children ({@link TraceMetadata}).
     */
    public static final String TRACEPARENT = "traceparent";

    private EventMetadata() {
    }

    /** A command's metadata for a signed-in user: {@link #ACTOR} and {@link #ROLES}. */
    public static MetaData of(Authentication user) {
        return MetaData.with(ACTOR, user.getName()).and(ROLES, roles(user));
    }

    /**
     * A signed-in user's global roles as {@link #ROLES} carries them. A role is one name: one that
     * holds the separator (a claim {@code "X,CURATOR"}) is no role at all, never two.
     */
    static String roles(Authentication user) {
        return user.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_") && a.indexOf(',') < 0).map(a -> a.substring(5))
                .collect(Collectors.joining(","));
    }

    /** The global roles {@link #ROLES} holds (none when absent). */
    public static Set<String> roles(@Nullable String roles) {
        return roles == null || roles.isBlank() ? Set.of() : Set.of(roles.split(","));
    }
}
