package dev.curation.core.list;

import java.util.List;
import java.util.Objects;

/**
 * The commit a version came from: its id, author and author date (ISO-8601 with the commit's own
 * offset, as git stores it), the {@code Co-authored-by} people, for a merge the authors of the
 * commits it brought, and the message (trimmed to {@link #MAX_MESSAGE} characters).
 */
public record GitCommit(String id, GitPerson author, String authoredAt, List<GitPerson> coAuthors,
                        List<GitPerson> mergedAuthors, String message) {

    public static final int MAX_MESSAGE = 4000;

    public GitCommit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(authoredAt, "authoredAt");
        coAuthors = List.copyOf(coAuthors);
        mergedAuthors = List.copyOf(mergedAuthors);
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }

    /** The first line of the message. */
    public String subject() {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** The abbreviated id, as people read it. */
    public String shortId() {
        return id.length() > 7 ? id.substring(0, 7) : id;
    }
}
