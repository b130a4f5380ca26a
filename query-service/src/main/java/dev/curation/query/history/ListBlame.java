package dev.curation.query.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.curation.core.document.Lines;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Section;
import dev.curation.query.config.QueryProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * For each line of a version's Markdown, the version and actor that last touched it. Reading it
 * walks the list's whole history, so each version's blame is computed once (through the
 * {@link ReadGate}) and kept: only changes up to the version count, and those never change.
 */
@Component
public class ListBlame {

    public record BlameLine(int line, long version, String actor, String text) {
    }

    private record Key(String listId, long version) {
    }

    private final ListHistory history;
    private final ReadGate gate;
    private final Cache<Key, List<BlameLine>> cache;

    ListBlame(ListHistory history, ReadGate gate, QueryProperties settings) {
        this.history = history;
        this.gate = gate;
        this.cache = Caffeine.newBuilder().maximumWeight(settings.blameCacheLines())
                .weigher((Key k, List<BlameLine> lines) -> 1 + lines.size()).build();
    }

    /** The blame of a version, or empty if the list has no such version. */
    public Optional<List<BlameLine>> at(String listId, long version) {
        Key key = new Key(listId, version);
        List<BlameLine> lines = cache.getIfPresent(key);
        if (lines != null) {
            return Optional.of(lines);
        }
        return gate.run(() -> history.documentAt(listId, version).map(document -> {
            List<BlameLine> fresh = blame(document, history.lastChanges(listId, version), history.actors(listId, version));
            cache.put(key, fresh);
            return fresh;
        }));
    }

    private static List<BlameLine> blame(ListDocument document, Map<String, Long> changed, Map<Long, String> actors) {
        List<BlameLine> lines = new ArrayList<>();
        document.preamble().forEach(b -> add(lines, b.raw(), changed.getOrDefault(b.id(), 1L), actors));
        sections(document.sections(), changed, actors, lines);
        return List.copyOf(lines);
    }

    private static void sections(List<Section> sections, Map<String, Long> changed, Map<Long, String> actors,
                                 List<BlameLine> lines) {
        for (Section section : sections) {
            add(lines, section.heading(), changed.getOrDefault(section.id(), 1L), actors);
            section.blocks().forEach(b -> add(lines, b.raw(), changed.getOrDefault(b.id(), 1L), actors));
            sections(section.sections(), changed, actors, lines);
        }
    }

    private static void add(List<BlameLine> lines, String raw, long version, Map<Long, String> actors) {
        for (String line : Lines.split(raw)) {
            lines.add(new BlameLine(lines.size() + 1, version, actors.get(version), Lines.content(line)));
        }
    }
}
