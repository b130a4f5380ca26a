package dev.curation.web.list;

import tools.jackson.databind.JsonNode;

/**
 * A list's structure at a past version ({@code GET /api/lists/{slug}?version=N}) as the list page
 * draws its topics and entries, for another page to show with the list's templates: no lint, no
 * blame, no link health (those are about today), and the top topics under that page's own heading.
 */
public final class PastList {

    private PastList() {
    }

    /** The structure's topics and entries, the top topics at heading level {@code firstHeading} (2 to 6). */
    public static ListPage of(JsonNode structure, int firstHeading) {
        return ListReading.of(structure, null, null, "", Math.clamp(firstHeading, 2, 6));
    }
}
