package dev.curation.query.list;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.curation.core.document.Block;
import dev.curation.core.document.Entry;
import dev.curation.core.document.LinkSafety;
import dev.curation.core.document.Section;
import dev.curation.core.document.ListDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The structure JSON of a list: sections with their entries and sub-sections, each with the
 * stable id that edits refer to. {@code entries} at the top are links before the first heading.
 */
public record ListStructure(String id, String slug, long version, List<EntryView> entries,
                            List<SectionView> sections,
                            @Schema(description = "entries whose link is not ok now, by entry id: failing, dead or redirected"
                                    + " (link health, current whatever the version; absent when there is none)")
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> links,
                            @Schema(description = "the list's latest event sequence when this was read: the id of its change "
                                    + "stream to resume from (GET /api/lists/{slug}/stream with Last-Event-ID or after) to get "
                                    + "exactly what changed since; it moves with proposals and settings too, not only versions")
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long streamPosition) {

    public static ListStructure of(String id, String slug, long version, ListDocument document) {
        return new ListStructure(id, slug, version, entries(document.preamble()), sections(document.sections()),
                Map.of(), null);
    }

    /**
     * The rendered structure with the current link health added: {@code links} is spliced in before
     * the closing brace, so the cached bytes are not parsed again.
     */
    public static byte[] withLinks(byte[] structure, byte[] links) {
        return with(structure, "links", links);
    }

    /** The rendered structure with the list's stream position added, spliced in as {@link #withLinks} does. */
    public static byte[] withStreamPosition(byte[] structure, long sequence) {
        return with(structure, "streamPosition", Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code structure} with {@code "name":value} (JSON) added before its closing brace. */
    public static byte[] with(byte[] structure, String name, byte[] value) {
        int end = structure.length - 1;
        while (end > 0 && structure[end] != '}') {
            end--;
        }
        byte[] key = (",\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[end + key.length + value.length + 1];
        System.arraycopy(structure, 0, out, 0, end);
        System.arraycopy(key, 0, out, end, key.length);
        System.arraycopy(value, 0, out, end + key.length, value.length);
        out[out.length - 1] = '}';
        return out;
    }

    public record SectionView(String id, String title, int level, List<EntryView> entries, List<SectionView> sections) {
    }

    /**
     * An entry. A link whose URL a browser would run or open as something other than a web page
     * or mail address (see {@link LinkSafety}) is not offered as {@code url}: it is null,
     * {@code unsafe} is true and {@code rawUrl} holds what the Markdown says (which the export keeps).
     */
    public record EntryView(String id, String title, String url, String description,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean unsafe,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String rawUrl) {

        static EntryView of(Entry e) {
            return LinkSafety.unsafe(e.url())
                    ? new EntryView(e.id(), e.title(), null, e.description(), true, e.url())
                    : new EntryView(e.id(), e.title(), e.url(), e.description(), false, null);
        }
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
                .map(EntryView::of)
                .toList();
    }
}
