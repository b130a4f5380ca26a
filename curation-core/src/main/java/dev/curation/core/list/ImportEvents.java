package dev.curation.core.list;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.Lines;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.input.InputException;
import dev.curation.core.input.InputLimits;
import dev.curation.core.input.JsonSize;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an import into its events: {@link ListImported} then the content in parts of at most
 * about {@link InputLimits#importPartBytes()} bytes of JSON, so that no event comes near the
 * topic's record limit whatever characters the file uses. A single block too large for one event
 * is refused, naming its line.
 */
public final class ImportEvents {

    private ImportEvents() {
    }

    public static List<ListEvent> of(ImportList command) {
        return of(command, InputLimits.DEFAULTS);
    }

    public static List<ListEvent> of(ImportList command, InputLimits limits) {
        return of(command, limits.importPartBytes(), limits.maxBlockBytes());
    }

    /** Content in parts of about {@code partBytes}; tests use small parts to get many. */
    public static List<ListEvent> of(ImportList command, int partBytes) {
        return of(command, partBytes, Long.MAX_VALUE);
    }

    private static List<ListEvent> of(ImportList command, int partBytes, long maxBlockBytes) {
        IdSequence ids = new IdSequence(0);
        ListDocument document = MarkdownReader.read(command.markdown(), ids);
        List<List<DocumentNode>> parts = split(document.nodes(), partBytes, maxBlockBytes);
        List<ListEvent> events = new ArrayList<>(parts.size() + 1);
        events.add(new ListImported(command.listId(), command.slug(), parts.size(),
                document.sectionCount() + document.blockCount(), ids.last(), command.commit(), command.git()));
        for (int i = 0; i < parts.size(); i++) {
            events.add(new ListContentImported(command.listId(), i, parts.get(i)));
        }
        return events;
    }

    /** Nodes in parts of about {@code partBytes}; a block over {@code maxBlockBytes} is refused. */
    public static List<List<DocumentNode>> split(List<DocumentNode> nodes, int partBytes, long maxBlockBytes) {
        List<List<DocumentNode>> parts = new ArrayList<>();
        List<DocumentNode> part = new ArrayList<>();
        long size = 0;
        int line = 1;
        for (DocumentNode node : nodes) {
            long bytes = bytes(node);
            if (bytes > maxBlockBytes) {
                throw new InputException.TooLarge("markdown", "the block starting at line " + line + " takes " + bytes
                        + " bytes as an event, over the limit of " + maxBlockBytes
                        + " (half of curation.limits.max-event-bytes); split it into smaller blocks");
            }
            if (!part.isEmpty() && size + bytes > partBytes) {
                parts.add(part);
                part = new ArrayList<>();
                size = 0;
            }
            part.add(node);
            size += bytes;
            line += Lines.split(node.raw()).size();
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    /** An upper bound of the node's JSON in bytes: its strings plus room for names and ids. */
    public static long bytes(DocumentNode node) {
        return 128 + JsonSize.of(node.id()) + JsonSize.of(node.parent()) + JsonSize.of(node.raw())
                + JsonSize.of(node.title()) + JsonSize.of(node.url()) + JsonSize.of(node.description());
    }
}
