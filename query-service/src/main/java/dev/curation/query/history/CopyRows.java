package dev.curation.query.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows with PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the
 * transaction's connection, and few with a JDBC batch of INSERTs. A rebuild or a catch-up writes
 * thousands of history rows per batch, and COPY stores them at a fraction of the cost of
 * multi-row INSERTs; a live batch of a few rows goes the usual way. Both store the same values.
 */
public final class CopyRows {

    /** From this many rows on, COPY. */
    static final int THRESHOLD = 32;
    private static final HexFormat HEX = HexFormat.of();

    private CopyRows() {
    }

    /** Inserts {@code rows} (values in the order of {@code columns}) into {@code table}. */
    public static void insert(JdbcTemplate template, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() < THRESHOLD) {
            // a live batch: a prepared INSERT costs less than starting a COPY
            template.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", rows);
            return;
        }
        byte[] data = encode(rows);
        template.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", new ByteArrayInputStream(data));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + " failed", e);
            }
        });
    }

    /** Rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    static byte[] encode(List<Object[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 256);
        StringBuilder line = new StringBuilder(256);
        for (Object[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                append(line, row[i]);
            }
            line.append('\n');
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void append(StringBuilder line, Object value) {
        switch (value) {
            case null -> line.append("\\N");
            case byte[] bytes -> line.append("\\\\x").append(HEX.formatHex(bytes));
            // rounded to microseconds as PgJDBC rounds a bound Timestamp
            case Timestamp time -> line.append(time.toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS));
            case Number number -> line.append(number);
            case Boolean flag -> line.append(flag ? 't' : 'f');
            default -> escape(line, value.toString());
        }
    }

    private static void escape(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
