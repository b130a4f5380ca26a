package dev.curation.bench.peer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/lists/{slug}/edits} as the bench sends it to the command service:
 * {@code {"edits":[{"op":"addLink","section":...,"title":...,"url":...}]}}. The peer takes only
 * addLink and checks it minimally.
 */
public record ChangeSet(List<Edit> edits) {

    public record Edit(String op, String section, String title, String url) {
    }

    /** Why this change set is refused, or null if the peer stores it. */
    public @Nullable String problem() {
        if (edits == null || edits.size() != 1) {
            return "edits: exactly one edit";
        }
        Edit edit = edits.get(0);
        if (edit == null || !"addLink".equals(edit.op())) {
            return "edits[0].op: only addLink";
        }
        if (edit.section() == null || edit.section().isBlank()) {
            return "edits[0].section: required";
        }
        if (edit.title() == null || edit.title().isBlank()) {
            return "edits[0].title: required";
        }
        return edit.url() == null || !httpUrl(edit.url()) ? "edits[0].url: an http or https URL" : null;
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
