package dev.curation.web.list;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A list whose git history is being imported, as its page shows it instead of the list (whose
 * current version is only a point on the way until the import is complete).
 *
 * @param state     importing; retrying (the last attempt failed, the command service tries again by
 *                  itself); failed (it stopped: a rewritten branch); complete
 * @param version   the list's version so far
 * @param commits   how many versions the import expected when it began (0 when not known)
 * @param lastError what went wrong last, in the service's words, or null
 */
public record ImportProgress(String slug, String repository, String branch, String path, long version, int commits,
                             String state, @Nullable String lastError) {

    /**
     * From the query service's {@code import} object ({@code listed}, from the list's 409 or its
     * summary) and the command service's progress ({@code GET /api/lists/{slug}/git/import}, which
     * alone knows a failure); either may be null.
     */
    public static ImportProgress of(String slug, @Nullable JsonNode listed, @Nullable JsonNode progress) {
        JsonNode first = progress != null ? progress : listed;
        JsonNode other = listed != null ? listed : progress;
        long version = Math.max(number(listed, "version"), number(progress, "version"));
        int commits = (int) (number(progress, "commits") > 0 ? number(progress, "commits") : number(listed, "commits"));
        String state = "importing";
        String error = progress == null ? null : text(progress, "lastError");
        String told = progress == null ? null : text(progress, "state");
        if (told != null) {
            switch (told) {
                case "failed" -> state = "failed";
                case "complete" -> state = "complete";
                default -> state = error != null ? "retrying" : "importing";
            }
        }
        return new ImportProgress(slug, either(first, other, "repository"), either(first, other, "branch"),
                either(first, other, "path"), version, commits, state, error);
    }

    /** Whether the page should ask again for how far it is. */
    public boolean ongoing() {
        return state.equals("importing") || state.equals("retrying");
    }

    public boolean failed() {
        return state.equals("failed");
    }

    public boolean complete() {
        return state.equals("complete");
    }

    /** The most a progress bar shows: the commits expected, at least the version reached. */
    public long max() {
        return Math.max(Math.max(commits, version), 1);
    }

    private static String either(@Nullable JsonNode first, @Nullable JsonNode other, String field) {
        String value = first == null ? null : text(first, field);
        if (value == null && other != null) {
            value = text(other, field);
        }
        return value == null ? "" : value;
    }

    private static long number(@Nullable JsonNode node, String field) {
        return node == null ? 0 : node.path(field).asLong(0);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }
}
