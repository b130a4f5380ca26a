package dev.curation.core.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A curated list: the blocks before the first heading (preamble) and a tree of sections.
 * Sections and blocks are found by id in constant time; the index is kept by the methods that
 * change the tree.
 */
public final class ListDocument {

    private final List<Block> preamble = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Section> sectionsById = new HashMap<>();
    private final Map<String, Block> blocksById = new HashMap<>();

    public List<Block> preamble() {
        return Collections.unmodifiableList(preamble);
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    public Section section(String id) {
        return sectionsById.get(id);
    }

    public Block block(String id) {
        return blocksById.get(id);
    }

    public boolean contains(String id) {
        return sectionsById.containsKey(id) || blocksById.containsKey(id);
    }

    public int sectionCount() {
        return sectionsById.size();
    }

    public int blockCount() {
        return blocksById.size();
    }

    /** Appends a section as last child of {@code parentId} (or at top level when null). */
    public Section appendSection(String parentId, Section section) {
        requireNew(section.id());
        (parentId == null ? sections : requireSection(parentId).mutableSections()).add(section);
        sectionsById.put(section.id(), section);
        return section;
    }

    /** Appends a block to the body of {@code sectionId} (or to the preamble when null). */
    public void appendBlock(String sectionId, Block block) {
        requireNew(block.id());
        (sectionId == null ? preamble : requireSection(sectionId).mutableBlocks()).add(block);
        blocksById.put(block.id(), block);
    }

    /** Appends one flat node; nodes must come in document order, as {@link #nodes()} gives them. */
    public void append(DocumentNode node) {
        switch (node.kind()) {
            case SECTION -> appendSection(node.parent(),
                    new Section(node.id(), node.level(), node.raw(), node.title()));
            case ENTRY -> appendBlock(node.parent(),
                    new Entry(node.id(), node.raw(), node.title(), node.url(), node.description()));
            case TEXT -> appendBlock(node.parent(), new Text(node.id(), node.raw()));
        }
    }

    public static ListDocument of(List<DocumentNode> nodes) {
        ListDocument document = new ListDocument();
        nodes.forEach(document::append);
        return document;
    }

    /** The document flattened in document order: each section, then its blocks, then its sub-sections. */
    public List<DocumentNode> nodes() {
        List<DocumentNode> nodes = new ArrayList<>(sectionsById.size() + blocksById.size());
        preamble.forEach(b -> nodes.add(DocumentNode.of(b, null)));
        walk(sections, null, nodes::add);
        return nodes;
    }

    private static void walk(List<Section> sections, String parent, Consumer<DocumentNode> sink) {
        for (Section s : sections) {
            sink.accept(DocumentNode.of(s, parent));
            s.blocks().forEach(b -> sink.accept(DocumentNode.of(b, s.id())));
            walk(s.sections(), s.id(), sink);
        }
    }

    private Section requireSection(String id) {
        Section section = sectionsById.get(id);
        if (section == null) {
            throw new IllegalArgumentException("unknown section " + id);
        }
        return section;
    }

    private void requireNew(String id) {
        if (contains(id)) {
            throw new IllegalArgumentException("duplicate id " + id);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListDocument other && nodes().equals(other.nodes());
    }

    @Override
    public int hashCode() {
        return nodes().hashCode();
    }
}
