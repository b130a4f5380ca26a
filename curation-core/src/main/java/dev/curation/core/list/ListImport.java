package dev.curation.core.list;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an import into its events: {@link ListImported} then the content in parts of at most
 * about {@code partChars} characters, so that a 5 MB file does not become one 15 MB message.
 */
public final class ListImport {

    /** Default part size: well under Kafka's default 1 MB record limit even when every character takes 3 bytes. */
    public static final int DEFAULT_PART_CHARS = 64 * 1024;

    private ListImport() {
    }

    public static List<ListEvent> events(ImportList command) {
        return events(command, DEFAULT_PART_CHARS);
    }

    public static List<ListEvent> events(ImportList command, int partChars) {
        IdSequence ids = new IdSequence(0);
        ListDocument document = MarkdownReader.read(command.markdown(), ids);
        List<List<DocumentNode>> parts = split(document.nodes(), partChars);
        List<ListEvent> events = new ArrayList<>(parts.size() + 1);
        events.add(new ListImported(command.listId(), command.slug(), parts.size(),
                document.sectionCount() + document.blockCount(), ids.last()));
        for (int i = 0; i < parts.size(); i++) {
            events.add(new ListContentImported(command.listId(), i, parts.get(i)));
        }
        return events;
    }

    private static List<List<DocumentNode>> split(List<DocumentNode> nodes, int partChars) {
        List<List<DocumentNode>> parts = new ArrayList<>();
        List<DocumentNode> part = new ArrayList<>();
        int size = 0;
        for (DocumentNode node : nodes) {
            if (!part.isEmpty() && size + node.size() > partChars) {
                parts.add(part);
                part = new ArrayList<>();
                size = 0;
            }
            part.add(node);
            size += node.size();
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }
}
