package dev.curation.query.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.ListLinter;
import dev.curation.core.lint.Severity;
import dev.curation.query.history.ListHistory;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lint errors and warnings of a list's current version under its lint profile, kept in
 * {@code list_view} so that the list of lists shows them without linting every list on read. The
 * projection only marks them out of date when a version completes or the profile changes; {@link
 * LintCountKeeper} counts them a moment later, outside the projection's transaction, so no edit
 * waits for a lint of its list on its way to readers. The counts are those {@code GET
 * /api/lists/{slug}/lint} reports for the version they name.
 */
@Repository
public class LintCounts {

    private final JdbcClient jdbc;
    private final ListStore store;
    private final LintProfiles profiles;
    private final ListHistory history;

    LintCounts(JdbcClient jdbc, ListStore store, LintProfiles profiles, ListHistory history) {
        this.jdbc = jdbc;
        this.store = store;
        this.profiles = profiles;
        this.history = history;
    }

    /** A version completed or the lint profile changed: the counts are to be made again (by {@link LintCountKeeper}). */
    void stale(String listId) {
        jdbc.sql("UPDATE list_view SET lint_version = NULL WHERE id = ?").param(listId).update();
    }

    /**
     * Counts {@code version} of a list and writes the counts, unless the list moved on meanwhile
     * (then it is due again). Answers whether it wrote them.
     */
    public boolean count(String listId, long version) {
        // the list as it is now: when it moved on past the version due, its newer version is counted
        // (that is what the counts are for) rather than folding the older one too, which under
        // steady edits doubled the keeper's work (a fifth of the query service's CPU, profiled)
        Optional<StoredDocument> current = store.byId(listId).filter(stored -> stored.version() >= version);
        long counting = current.map(StoredDocument::version).orElse(version);
        ListDocument document = current.map(StoredDocument::document)
                .or(() -> history.documentAt(listId, version)).orElse(null);
        if (document == null) {
            return false;
        }
        long[] counted = lint(listId, counting, document);
        return jdbc.sql("""
                        UPDATE list_view SET lint_errors = ?, lint_warnings = ?, lint_version = ?
                        WHERE id = ? AND version = ?""")
                .params(counted[0], counted[1], counting, listId, counting).update() == 1;
    }

    /** Errors and warnings of a version under the profile in effect at it. */
    private long[] lint(String listId, long version, ListDocument document) {
        List<LintProblem> problems = ListLinter.lint(document, profiles.at(listId, version));
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        return new long[] {errors, problems.size() - errors};
    }

    /** Published lists whose counts are not of their current version (or profile): id and version, at most {@code limit}. */
    public List<Missing> due(int limit) {
        return jdbc.sql("""
                        SELECT id, version FROM list_view
                        WHERE version > 0 AND lint_version IS DISTINCT FROM version ORDER BY id LIMIT ?""")
                .param(limit).query((rs, n) -> new Missing(rs.getString(1), rs.getLong(2))).list();
    }

    public record Missing(String listId, long version) {
    }
}
