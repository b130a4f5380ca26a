package dev.curation.query.list;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The list's git bridge as an owner set it: the file on a branch of a repository it is published
 * to and pulled from. Settings only: credentials never reach the events, so never this.
 */
public record GitBridge(String repository, String branch, String path, boolean publish, boolean pull) {

    /** From the columns {@code git_repository, git_branch, git_path, git_publish, git_pull} at {@code first}; null for none. */
    static @Nullable GitBridge read(ResultSet rs, int first) throws SQLException {
        String repository = rs.getString(first);
        if (repository == null) {
            return null;
        }
        return new GitBridge(repository, rs.getString(first + 1), rs.getString(first + 2), rs.getBoolean(first + 3),
                rs.getBoolean(first + 4));
    }
}
