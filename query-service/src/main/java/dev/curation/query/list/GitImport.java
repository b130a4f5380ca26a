package dev.curation.query.list;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * How far a list's history import from git is: {@code importing} until every commit is in (the
 * list's current Markdown and structure are not served meanwhile; its versions are), then
 * {@code complete}. {@code version}: the list's current version; {@code commits}: how many the
 * import expected when it began.
 */
public record GitImport(@Schema(allowableValues = {"importing", "complete"}) String state, String repository,
                        String branch, String path, long version, int commits) {

    public boolean importing() {
        return "importing".equals(state);
    }

    /** "version 40 of 1000": how far it is, for people. */
    public String progress() {
        return "version " + version + " of " + commits;
    }

    /**
     * From the columns {@code import_repository, import_branch, import_path, import_commits,
     * import_complete} at {@code first}; null for a list not imported from git.
     */
    static @Nullable GitImport read(ResultSet rs, int first, long version) throws SQLException {
        String repository = rs.getString(first);
        if (repository == null) {
            return null;
        }
        return new GitImport(rs.getBoolean(first + 4) ? "complete" : "importing", repository, rs.getString(first + 1),
                rs.getString(first + 2), version, rs.getInt(first + 3));
    }
}
