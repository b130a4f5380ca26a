package dev.curation.query.history;

import dev.curation.core.list.CommitImported;
import dev.curation.core.list.GitCommit;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListImported;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Whose a version from git is: the commit's author, at the commit's author date. The account that
 * sent its events (the git bridge, or the importer for the first version) only carried it, so
 * every read of the version names the author and the date instead of the envelope's actor and time.
 */
public final class GitAuthorship {

    private GitAuthorship() {
    }

    /** The commit a version opened by {@code opening} came from; null for a version not from git. */
    public static @Nullable GitCommit commitOf(ListEvent opening) {
        return switch (opening) {
            case ListImported e -> e.commit();
            case CommitImported e -> e.commit();
            default -> null;
        };
    }

    /** The version's actor: {@code Name <email>}. */
    public static String actor(GitCommit commit) {
        return commit.author().display();
    }

    /**
     * The version's time: the author date (ISO-8601 with the commit's offset, as git keeps it);
     * {@code otherwise} (when the event was sent) if a date does not read as one.
     */
    public static Instant time(GitCommit commit, Instant otherwise) {
        try {
            return OffsetDateTime.parse(commit.authoredAt()).toInstant();
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
