package dev.curation.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a keyed request's answer is replayed as, when that is not the answer itself: an answer that
 * shows a secret once (a webhook's signing secret) stores its body without the secret, since
 * answers are kept for a day ({@code curation.idempotency.ttl}) and secrets must not be.
 */
public final class ReplayedAnswer {

    private static final String ATTRIBUTE = ReplayedAnswer.class.getName();

    private ReplayedAnswer() {
    }

    /** {@code body} is stored for replays instead of the answer sent now (as JSON). */
    public static void store(HttpServletRequest request, Object body) {
        request.setAttribute(ATTRIBUTE, body);
    }

    static @Nullable Object of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE);
    }
}
