package dev.curation.command.list;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Slugs in table {@code list_slug}, written on the connection of the command's transaction. */
@Component
class JdbcSlugRegistry implements SlugRegistry {

    private final JdbcClient jdbc;

    JdbcSlugRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String slug, String listId) {
        int inserted = jdbc.sql("INSERT INTO list_slug (slug, list_id) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
                .params(slug, listId)
                .update();
        if (inserted == 0) {
            throw new SlugTakenException(slug);
        }
    }
}
