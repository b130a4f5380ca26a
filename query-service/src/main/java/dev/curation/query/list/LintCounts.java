package dev.curation.query.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.ListLinter;
import dev.curation.core.lint.Severity;
import dev.curation.query.history.ListHistory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lint errors and warnings of a list's current version under its lint profile, kept in
 * {@code list_view} so that the list of lists shows them without linting every list on read. The
 * projection counts them when a version completes or the profile changes; the counts are those
 * {@code GET /api/lists/{slug}/lint} reports for the current version.
 */
@Repository
public class LintCounts {

    private final JdbcClient jdbc;
    private final LintProfiles profiles;
    private final ListHistory history;

    LintCounts(JdbcClient jdbc, LintProfiles profiles, ListHistory history) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.history = history;
    }

    /**
     * Counts {@code version} of a list and writes the counts, in the caller's transaction.
     * {@code document}: that version's document if the caller holds it, else it is folded from history.
     */
    void count(String listId, long version, @Nullable ListDocument document) {
        ListDocument checked = document != null ? document : history.documentAt(listId, version).orElse(null);
        if (checked == null) {
            return; // no such version: nothing readers see to count
        }
        long[] counted = lint(listId, version, checked);
        jdbc.sql("UPDATE list_view SET lint_errors = ?, lint_warnings = ? WHERE id = ?")
                .params(counted[0], counted[1], listId).update();
    }

    /**
     * Counts a list whose counts are missing (last changed before they were kept), unless the
     * projection counted it or moved it on meanwhile: the write names the version counted.
     */
    public boolean backfill(String listId, long version) {
        ListDocument document = history.documentAt(listId, version).orElse(null);
        if (document == null) {
            return false;
        }
        long[] counted = lint(listId, version, document);
        return jdbc.sql("""
                        UPDATE list_view SET lint_errors = ?, lint_warnings = ?
                        WHERE id = ? AND version = ? AND lint_errors IS NULL""")
                .params(counted[0], counted[1], listId, version).update() == 1;
    }

    /** Errors and warnings of a version under the profile in effect at it. */
    private long[] lint(String listId, long version, ListDocument document) {
        List<LintProblem> problems = ListLinter.lint(document, profiles.at(listId, version));
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        return new long[] {errors, problems.size() - errors};
    }

    /** Published lists whose counts are missing: id and version. */
    public List<Missing> missing() {
        return jdbc.sql("SELECT id, version FROM list_view WHERE version > 0 AND lint_errors IS NULL ORDER BY id")
                .query((rs, n) -> new Missing(rs.getString(1), rs.getLong(2))).list();
    }

    public record Missing(String listId, long version) {
    }
}
