package dev.curation.query.list;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** What readers see of a list once a version is complete: taken at that moment, since later events may follow in the same batch. */
public record PublishedVersion(long version, byte[] markdown, ListStructure structure, int sections, int entries,
                               Instant at, String actor) {

    static PublishedVersion of(String listId, String slug, long version, ListDocument document, Instant at, String actor) {
        int entries = (int) document.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY).count();
        return new PublishedVersion(version, MarkdownWriter.write(document).getBytes(StandardCharsets.UTF_8),
                ListStructure.of(listId, slug, version, document), document.sectionCount(), entries, at, actor);
    }
}
