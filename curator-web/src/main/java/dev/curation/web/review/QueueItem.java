package dev.curation.web.review;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One proposal in the review queue.
 *
 * @param id        the proposal's id
 * @param status    where its review stands (submitted, changes_requested, approved, ...)
 * @param turn      whose move it is: {@code curators}, {@code author}, or null once decided
 * @param author    who proposed it
 * @param rationale why, as the author said
 * @param createdAt when it was proposed
 * @param edits     how many edits it makes
 * @param given     approvals given, when the API says
 * @param needed    approvals needed, when the API says
 */
public record QueueItem(String id, String status, @Nullable String turn, String author, String rationale,
                        @Nullable Instant createdAt, int edits, @Nullable Integer given, @Nullable Integer needed) {

    public static final String CURATORS = "curators";
    public static final String AUTHOR = "author";

    /** An item of {@code GET /api/lists/{slug}/proposals}; "turn", "approvals" and an edit count where given. */
    static QueueItem of(JsonNode item) {
        String status = Json.text(item, "status", "");
        String turn = Json.textOrNull(item, "turn");
        if (turn == null) {
            // until the API says whose turn it is: the status tells for open proposals
            turn = switch (status) {
                case "submitted" -> CURATORS;
                case "changes_requested" -> AUTHOR;
                default -> null;
            };
        }
        JsonNode edits = item.path("edits");
        int count = edits.isArray() ? edits.size() : edits.isNumber() ? edits.asInt() : 0;
        JsonNode approvals = item.path("approvals");
        Integer given = approvals.path("given").isNumber() ? approvals.path("given").asInt() : null;
        Integer needed = approvals.path("needed").isNumber() ? approvals.path("needed").asInt() : null;
        return new QueueItem(Json.text(item, "id", ""), status, turn, Json.text(item, "author", ""),
                Json.text(item, "rationale", ""), Json.instant(item, "createdAt"), count, given, needed);
    }

    public boolean waitingForCurators() {
        return CURATORS.equals(turn);
    }

    public boolean waitingForAuthor() {
        return AUTHOR.equals(turn);
    }

    /** Whether it waits for {@code person}: a curator's review of someone else's, or its author's amendment. */
    public boolean waitingFor(String person, boolean curator) {
        return author.equals(person) ? waitingForAuthor() : curator && waitingForCurators();
    }
}
