package dev.curation.command.web;

import dev.curation.command.list.ListCommandBatcher.Commit;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is handled in the transaction {@link IdempotencyFilter} holds for its
 * Idempotency-Key: then its command's events must commit there, with the answer stored for
 * replays; any other request's command is group-committed with others.
 */
public final class KeyedRequest {

    private static final String ATTRIBUTE = KeyedRequest.class.getName();

    private KeyedRequest() {
    }

    /** Marks {@code request} as handled in the transaction that stores its answer. */
    static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    /** Where the command of {@code request} commits. */
    public static Commit commit(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE)) ? Commit.IN_CALLERS_TRANSACTION : Commit.GROUPED;
    }
}
