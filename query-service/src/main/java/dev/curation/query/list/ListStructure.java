package dev.curation.query.list;

import dev.curation.core.document.Block;
import dev.curation.core.document.Entry;
import dev.curation.core.document.Section;
import dev.curation.core.document.ListDocument;
import java.util.List;

/**
 * The structure JSON of a list: sections with their entries and sub-sections, each with the
 * stable id that edits refer to. {@code entries} at the top are links before the first heading.
 */
public record ListStructure(String id, String slug, long version, List<EntryView> entries,
                            List<SectionView> sections) {

    public static ListStructure of(String id, String slug, long version, ListDocument document) {
        return new ListStructure(id, slug, version, entries(document.preamble()), sections(document.sections()));
    }

    public record SectionView(String id, String title, int level, List<EntryView> entries, List<SectionView> sections) {
    }

    public record EntryView(String id, String title, String url, String description) {
    }

    private static List<SectionView> sections(List<Section> sections) {
        return sections.stream()
                .map(s -> new SectionView(s.id(), s.title(), s.level(), entries(s.blocks()), sections(s.sections())))
                .toList();
    }

    private static List<EntryView> entries(List<Block> blocks) {
        return blocks.stream()
                .filter(Entry.class::isInstance)
                .map(Entry.class::cast)
                .map(e -> new EntryView(e.id(), e.title(), e.url(), e.description()))
                .toList();
    }
}
