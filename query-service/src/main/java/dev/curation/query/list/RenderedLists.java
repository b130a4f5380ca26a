package dev.curation.query.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.query.config.QueryProperties;
import dev.curation.query.history.ListHistory;
import dev.curation.query.history.ReadGate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Markdown and structure JSON of list versions, rendered when first read and kept in memory.
 * The projection does not render: most versions of a busy list are never read, and rendering
 * and storing a whole list per change made the projection's cost grow with the list's size. A
 * version never changes once complete, so a rendering is never stale; a miss rebuilds the
 * document from the newest snapshot at or before the version plus the events after it; for a past
 * version, through the {@link ReadGate} (every reader wants the current one, a crawler every old one).
 */
@Component
public class RenderedLists {

    /** One list version, rendered. */
    public record Rendered(String listId, long version, byte[] markdown, String etag, byte[] structure) {
    }

    private final ListStore lists;
    private final ListHistory history;
    private final JsonMapper json;
    private final ReadGate gate;
    private final RenderedVersions cache;

    RenderedLists(ListStore lists, ListHistory history, JsonMapper json, ReadGate gate,
                  QueryProperties settings) {
        this.lists = lists;
        this.history = history;
        this.json = json;
        this.gate = gate;
        this.cache = new RenderedVersions(settings.renderedCacheBytes().toBytes());
    }

    /** The current version of a published list, or empty if there is no such list. */
    public Optional<Rendered> current(String slug) {
        return lists.bySlug(slug).map(list -> at(list, list.version()).orElseThrow());
    }

    /** A version of a published list, or empty if the list has no such version. */
    public Optional<Rendered> at(StoredDocument list, long version) {
        Rendered rendered = cache.get(list.listId(), version);
        if (rendered != null) {
            return Optional.of(rendered);
        }
        boolean current = version == list.version();
        // rendered outside the cache's lock: a miss reads the database, and two readers of the
        // same new version at worst render it twice
        Supplier<Optional<Rendered>> fold = () -> history.documentAt(list.listId(), version).map(document -> {
            Rendered fresh = render(list, version, document);
            if (current) {
                cache.putCurrent(fresh);
            } else {
                cache.putPast(fresh);
            }
            return fresh;
        });
        return current ? fold.get() : gate.run(fold);
    }

    private Rendered render(StoredDocument list, long version, ListDocument document) {
        byte[] markdown = MarkdownWriter.write(document).getBytes(StandardCharsets.UTF_8);
        byte[] structure = json.writeValueAsBytes(ListStructure.of(list.listId(), list.slug(), version, document));
        return new Rendered(list.listId(), version, markdown, etag(markdown), structure);
    }

    /** A strong entity tag: the exported bytes' SHA-256, shortened. */
    static String etag(byte[] markdown) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(markdown);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
