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
    /** Owner of each block: a section id, or null for the preamble (HashMap allows null values). */
    private final Map<String, String> blockOwner = new HashMap<>();
    /** Parent of each section: a section id, or null at top level. */
    private final Map<String, String> sectionParent = new HashMap<>();
    /** Entry ids by {@link Entry#urlKey(String)}, kept with {@link #blocksById}. */
    private final Map<String, List<String>> entriesByUrl = new HashMap<>();
    private int entryCount;

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

    public int entryCount() {
        return entryCount;
    }

    /** Sections and blocks (entries and text): everything with an id. */
    public int itemCount() {
        return sectionsById.size() + blocksById.size();
    }

    /**
     * The entries whose URL has the same {@link Entry#urlKey(String) key} as {@code url}, in the
     * order they were added: a duplicate check without scanning the whole list.
     */
    public List<String> entriesWithUrl(String url) {
        List<String> ids = entriesByUrl.get(Entry.urlKey(url));
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** Appends a section as last child of {@code parentId} (or at top level when null). */
    public Section appendSection(String parentId, Section section) {
        requireNew(section.id());
        (parentId == null ? sections : requireSection(parentId).mutableSections()).add(section);
        sectionsById.put(section.id(), section);
        sectionParent.put(section.id(), parentId);
        return section;
    }

    /** Appends a block to the body of {@code sectionId} (or to the preamble when null). */
    public void appendBlock(String sectionId, Block block) {
        requireNew(block.id());
        (sectionId == null ? preamble : requireSection(sectionId).mutableBlocks()).add(block);
        blocksById.put(block.id(), block);
        blockOwner.put(block.id(), sectionId);
        indexed(block);
    }

    /** The blocks of a section's body, or of the preamble when {@code sectionId} is null. */
    public List<Block> blocksOf(String sectionId) {
        return sectionId == null ? preamble() : requireSection(sectionId).blocks();
    }

    /** The child sections of a section, or the top-level sections when {@code parentId} is null. */
    public List<Section> sectionsOf(String parentId) {
        return parentId == null ? sections() : requireSection(parentId).sections();
    }

    /** The section holding a block (null for the preamble). */
    public String ownerOf(String blockId) {
        requireBlock(blockId);
        return blockOwner.get(blockId);
    }

    /** The parent of a section (null at top level). */
    public String parentOf(String sectionId) {
        requireSection(sectionId);
        return sectionParent.get(sectionId);
    }

    /** Depth of a section: 1 at top level. */
    public int depthOf(String sectionId) {
        int depth = 0;
        for (String id = sectionId; id != null; id = sectionParent.get(id)) {
            depth++;
        }
        return depth;
    }

    /** True if {@code sectionId} is {@code ancestorId} or lies below it. */
    public boolean isWithin(String sectionId, String ancestorId) {
        for (String id = sectionId; id != null; id = sectionParent.get(id)) {
            if (id.equals(ancestorId)) {
                return true;
            }
        }
        return false;
    }

    public void insertBlock(String sectionId, int index, Block block) {
        requireNew(block.id());
        mutableBlocksOf(sectionId).add(index, block);
        blocksById.put(block.id(), block);
        blockOwner.put(block.id(), sectionId);
        indexed(block);
    }

    public void replaceBlock(Block block) {
        List<Block> blocks = mutableBlocksOf(blockOwner.get(requireBlock(block.id()).id()));
        blocks.set(indexOf(blocks, block.id()), block);
        unindexed(blocksById.put(block.id(), block));
        indexed(block);
    }

    public Block removeBlock(String blockId) {
        Block block = requireBlock(blockId);
        List<Block> blocks = mutableBlocksOf(blockOwner.get(blockId));
        blocks.remove(indexOf(blocks, blockId));
        blocksById.remove(blockId);
        blockOwner.remove(blockId);
        unindexed(block);
        return block;
    }

    public void moveBlock(String blockId, String sectionId, int index) {
        Block block = removeBlock(blockId);
        insertBlock(sectionId, index, block);
    }

    public void insertSection(String parentId, int index, Section section) {
        requireNew(section.id());
        mutableSectionsOf(parentId).add(index, section);
        sectionsById.put(section.id(), section);
        sectionParent.put(section.id(), parentId);
        for (Block block : section.blocks()) {
            requireNew(block.id());
            blocksById.put(block.id(), block);
            blockOwner.put(block.id(), section.id());
            indexed(block);
        }
    }

    public void retitle(String sectionId, String heading, String title, int level) {
        requireSection(sectionId).retitle(heading, title, level);
    }

    /** Moves a section with everything below it. */
    public void moveSection(String sectionId, String parentId, int index) {
        Section section = requireSection(sectionId);
        List<Section> from = mutableSectionsOf(sectionParent.get(sectionId));
        from.remove(section);
        mutableSectionsOf(parentId).add(index, section);
        sectionParent.put(sectionId, parentId);
    }

    /** Removes a section with everything below it. */
    public void removeSection(String sectionId) {
        Section section = requireSection(sectionId);
        mutableSectionsOf(sectionParent.get(sectionId)).remove(section);
        forget(section);
    }

    private void forget(Section section) {
        sectionsById.remove(section.id());
        sectionParent.remove(section.id());
        for (Block block : section.blocks()) {
            blocksById.remove(block.id());
            blockOwner.remove(block.id());
            unindexed(block);
        }
        section.sections().forEach(this::forget);
    }

    private void indexed(Block block) {
        if (block instanceof Entry entry) {
            entriesByUrl.computeIfAbsent(Entry.urlKey(entry.url()), k -> new ArrayList<>(1)).add(entry.id());
            entryCount++;
        }
    }

    private void unindexed(Block block) {
        if (block instanceof Entry entry) {
            String key = Entry.urlKey(entry.url());
            List<String> ids = entriesByUrl.get(key);
            ids.remove(entry.id());
            if (ids.isEmpty()) {
                entriesByUrl.remove(key);
            }
            entryCount--;
        }
    }

    private List<Block> mutableBlocksOf(String sectionId) {
        return sectionId == null ? preamble : requireSection(sectionId).mutableBlocks();
    }

    private List<Section> mutableSectionsOf(String parentId) {
        return parentId == null ? sections : requireSection(parentId).mutableSections();
    }

    private static int indexOf(List<Block> blocks, String id) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("block " + id + " not in its owner");
    }

    private Block requireBlock(String id) {
        Block block = blocksById.get(id);
        if (block == null) {
            throw new IllegalArgumentException("unknown block " + id);
        }
        return block;
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

    /** A deep copy, for working on a change set without touching this document. */
    public ListDocument copy() {
        return of(nodes());
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
