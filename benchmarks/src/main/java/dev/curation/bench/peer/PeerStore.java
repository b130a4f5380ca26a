package dev.curation.bench.peer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The peer's two tables: a list's version, and its links. One edit is one transaction: the list's
 * version goes up by one (an upsert that locks the list's row, as our aggregate is one writer per
 * list) and the link is inserted with that version.
 */
@Component
class PeerStore {

    static final String DATABASE = "crud_peer";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    PeerStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        jdbc.execute("CREATE TABLE IF NOT EXISTS lists (slug TEXT PRIMARY KEY, version BIGINT NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS links (id BIGSERIAL PRIMARY KEY, slug TEXT NOT NULL, version BIGINT NOT NULL,"
                + " section TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL, actor TEXT NOT NULL,"
                + " created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    }

    /** Stores the link as the list's next version; returns that version. */
    long addLink(String slug, ChangeSet.Edit edit, String actor) {
        Long version = transactions.execute(status -> {
            Long next = jdbc.queryForObject("INSERT INTO lists (slug, version) VALUES (?, 1) ON CONFLICT (slug)"
                    + " DO UPDATE SET version = lists.version + 1 RETURNING version", Long.class, slug);
            jdbc.update("INSERT INTO links (slug, version, section, title, url, actor) VALUES (?, ?, ?, ?, ?, ?)",
                    slug, next, edit.section(), edit.title(), edit.url(), actor);
            return next;
        });
        if (version == null) {
            throw new IllegalStateException("no version for " + slug);
        }
        return version;
    }

    /** Creates the peer's database on the server of {@code postgresUrl} (a JDBC URL of its postgres database) if missing. */
    static void createDatabase(String postgresUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgresUrl, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }
}
