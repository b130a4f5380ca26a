package dev.curation.command.git;

import dev.curation.git.RemoteAccess;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A list's repository credentials, in their own table: never in an event, a log or an answer. */
@Component
public class GitCredentials {

    private final JdbcClient jdbc;

    GitCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String listId, RemoteAccess.Credentials credentials) {
        jdbc.sql("""
                INSERT INTO git_credential (list_id, username, password) VALUES (?, ?, ?)
                ON CONFLICT (list_id) DO UPDATE SET username = EXCLUDED.username, password = EXCLUDED.password""")
                .params(listId, credentials.username(), credentials.password()).update();
    }

    public void remove(String listId) {
        jdbc.sql("DELETE FROM git_credential WHERE list_id = ?").param(listId).update();
    }

    public Optional<RemoteAccess.Credentials> of(String listId) {
        return jdbc.sql("SELECT username, password FROM git_credential WHERE list_id = ?").param(listId)
                .query((rs, n) -> new RemoteAccess.Credentials(rs.getString(1), rs.getString(2))).optional();
    }
}
