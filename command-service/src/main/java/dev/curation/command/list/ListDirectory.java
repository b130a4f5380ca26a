package dev.curation.command.list;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds a list's id from its slug (table {@code list_slug}). A slug, once given, names its list for
 * good (rows are only inserted), so a slug found is remembered: every edit names its list by slug,
 * and the lookup was a database round trip per request. A slug not found is asked again next time.
 */
@Component
public class ListDirectory {

    private final JdbcClient jdbc;
    private final Cache<String, String> found = Caffeine.newBuilder().maximumSize(10_000).build();

    ListDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> listId(String slug) {
        String known = found.getIfPresent(slug);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> listId = jdbc.sql("SELECT list_id FROM list_slug WHERE slug = ?").param(slug).query(String.class).optional();
        listId.ifPresent(id -> found.put(slug, id));
        return listId;
    }
}
