package dev.curation.command.list;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds a list's id from its slug (table {@code list_slug}). */
@Component
public class ListDirectory {

    private final JdbcClient jdbc;

    ListDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> listId(String slug) {
        return jdbc.sql("SELECT list_id FROM list_slug WHERE slug = ?").param(slug).query(String.class).optional();
    }
}
