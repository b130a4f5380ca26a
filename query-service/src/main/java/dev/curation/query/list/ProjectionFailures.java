package dev.curation.query.list;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.core.JacksonException;

/** Tells a failure of the database (retry everything later) from a record that cannot be projected (quarantine its list). */
final class ProjectionFailures {

    private ProjectionFailures() {
    }

    /** A record failed to apply; names its position in the log. */
    static final class RecordFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecordFailed(ConsumerRecord<String, byte[]> record, RuntimeException cause) {
            super("record at partition " + record.partition() + ", offset " + record.offset()
                    + (traceId(record) == null ? "" : " (trace " + traceId(record) + ")") + ": " + describe(cause), cause);
        }
    }

    /** Compiled once: every record's header is checked (String.matches compiled it per record, 13% of a rebuild's thread). */
    private static final Pattern TRACEPARENT =
            Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /** The trace id of a record's W3C {@code traceparent} header, if it has a well-formed one. */
    static String traceId(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("traceparent");
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.US_ASCII);
        return TRACEPARENT.matcher(value).matches() ? value.substring(3, 35) : null;
    }

    /**
     * Connection loss, timeouts, serialization failures and resource exhaustion (SQL states 08,
     * 40, 53, 57) are the database's state, not the record's.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40")
                    || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }

    /** The failure in one line: the record's position if known, then the innermost cause. */
    static String describe(Throwable failure) {
        if (failure instanceof RecordFailed) {
            return failure.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return kind(root) + (message.isEmpty() ? "" : ": " + message);
    }

    /** What went wrong, in words an operator reads without knowing our classes. */
    private static String kind(Throwable root) {
        if (root instanceof JacksonException) {
            return "unreadable event JSON";
        }
        if (root instanceof SQLException || root instanceof DataAccessException) {
            return "the database refused it";
        }
        if (root instanceof IllegalStateException || root instanceof IllegalArgumentException) {
            return "not a valid event here";
        }
        return "projection failed";
    }
}
