package dev.curation.command.list;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that mean PostgreSQL could not be reached, and what the client may conclude: when no
 * connection was had, nothing was stored; when the connection failed during the work or its
 * commit, the outcome is unknown (the commit may have happened), and only a retry with the same
 * Idempotency-Key is safe.
 */
public final class DatabaseFailures {

    public enum Outcome { NOTHING_STORED, UNKNOWN }

    private DatabaseFailures() {
    }

    public static Optional<Outcome> of(Throwable failure) {
        Outcome found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return Optional.of(Outcome.NOTHING_STORED);
            }
            if (t instanceof TransactionSystemException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLRecoverableException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                found = Outcome.UNKNOWN;
            }
        }
        return Optional.ofNullable(found);
    }

    public static String detail(Outcome outcome) {
        return switch (outcome) {
            case NOTHING_STORED -> "the database is unavailable; nothing was stored, retry later";
            case UNKNOWN -> "the database connection failed while the request was being stored; the outcome is "
                    + "unknown: retry with the same Idempotency-Key, or read the list's version before sending it again";
        };
    }
}
