package dev.curation.core.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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
    private final Map<String, Parent> blockParent = new HashMap<>();
    private final Map<String, Parent> sectionParent = new HashMap<>();
    /** Entry ids by {@link Entry#urlKey(String)}, kept with {@link #blocksById}. */
    /**
     * Entry ids by URL key: the id itself for the usual one entry, a list of ids for duplicates
     * (an ArrayList per URL was a tenth of a large list's heap).
     */
    private final Map<String, Object> entriesByUrl = new HashMap<>();
    private int entryCount;
    /** Characters of every block's raw text and every section's heading, kept by the methods that change them. */
    private long characters;

    public List<Block> preamble() {
        return Collections.unmodifiableList(preamble);
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    public @Nullable Section section(String id) {
        return sectionsById.get(id);
    }

    public @Nullable Block block(String id) {
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

    /**
     * About the bytes this document takes on the heap, for caches that must not outgrow it: about
     * 380 bytes per item for its objects and indexes, and 4 per character of its Markdown (an
     * entry's raw line, title, URL and URL key are each a string). Measured with JOL on JDK 25:
     * 545 bytes per entry of a list of 3,000 short links (46 characters each).
     */
    public long estimatedBytes() {
        // kept as the document changes: a cache weighs each list on every put, and walking every
        // block there took a quarter of the query service's CPU under load with lists of 3,000 links
        return 380L * itemCount() + 4 * characters;
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
        return switch (entriesByUrl.get(Entry.urlKey(url))) {
            case null -> List.of();
            case String id -> List.of(id);
            case List<?> ids -> ids.stream().map(String.class::cast).toList();
            default -> throw new IllegalStateException("an entry index holds ids");
        };
    }

    /** Appends a section as the last child of {@code parent}. */
    public Section appendSection(Parent parent, Section section) {
        requireNew(section.id());
        mutableSectionsOf(parent).add(section);
        sectionsById.put(section.id(), section);
        sectionParent.put(section.id(), parent);
        characters += section.heading().length();
        return section;
    }

    /** Appends a block to the body of {@code parent} (the preamble, for the document). */
    public void appendBlock(Parent parent, Block block) {
        requireNew(block.id());
        mutableBlocksOf(parent).add(block);
        blocksById.put(block.id(), block);
        blockParent.put(block.id(), parent);
        indexed(block);
    }

    /** The blocks of a section's body, or the preamble. */
    public List<Block> blocksOf(Parent parent) {
        return Collections.unmodifiableList(mutableBlocksOf(parent));
    }

    /** The child sections of a section, or the top-level sections. */
    public List<Section> sectionsOf(Parent parent) {
        return Collections.unmodifiableList(mutableSectionsOf(parent));
    }

    /** What holds a block: its section, or the document for a preamble block. */
    public Parent parentOfBlock(String blockId) {
        requireBlock(blockId);
        return blockParentOf(blockId);
    }

    /** What holds a section: its parent section, or the document at top level. */
    public Parent parentOf(String sectionId) {
        requireSection(sectionId);
        return sectionParentOf(sectionId);
    }

    /** Depth of a section: 1 at top level. */
    public int depthOf(String sectionId) {
        int depth = 1;
        for (@Nullable Parent p = parentOf(sectionId); p instanceof Parent.InSection(String id); p = sectionParent.get(id)) {
            depth++;
        }
        return depth;
    }

    /** True if {@code sectionId} is {@code ancestorId} or lies below it. */
    public boolean isWithin(String sectionId, String ancestorId) {
        for (@Nullable Parent p = Parent.section(sectionId); p instanceof Parent.InSection(String id); p = sectionParent.get(id)) {
            if (id.equals(ancestorId)) {
                return true;
            }
        }
        return false;
    }

    public void insertBlock(Parent parent, int index, Block block) {
        requireNew(block.id());
        mutableBlocksOf(parent).add(index, block);
        blocksById.put(block.id(), block);
        blockParent.put(block.id(), parent);
        indexed(block);
    }

    public void replaceBlock(Block block) {
        List<Block> blocks = mutableBlocksOf(blockParentOf(requireBlock(block.id()).id()));
        blocks.set(indexOf(blocks, block.id()), block);
        unindexed(blocksById.put(block.id(), block));
        indexed(block);
    }

    public Block removeBlock(String blockId) {
        Block block = requireBlock(blockId);
        List<Block> blocks = mutableBlocksOf(blockParentOf(blockId));
        blocks.remove(indexOf(blocks, blockId));
        blocksById.remove(blockId);
        blockParent.remove(blockId);
        unindexed(block);
        return block;
    }

    public void moveBlock(String blockId, Parent parent, int index) {
        Block block = removeBlock(blockId);
        insertBlock(parent, index, block);
    }

    public void insertSection(Parent parent, int index, Section section) {
        requireNew(section.id());
        mutableSectionsOf(parent).add(index, section);
        sectionsById.put(section.id(), section);
        sectionParent.put(section.id(), parent);
        characters += section.heading().length();
        Parent self = Parent.section(section.id());
        for (Block block : section.blocks()) {
            requireNew(block.id());
            blocksById.put(block.id(), block);
            blockParent.put(block.id(), self);
            indexed(block);
        }
    }

    public void retitle(String sectionId, String heading, String title, int level) {
        Section section = requireSection(sectionId);
        characters += heading.length() - section.heading().length();
        section.retitle(heading, title, level);
    }

    /** Moves a section with everything below it. */
    public void moveSection(String sectionId, Parent parent, int index) {
        Section section = requireSection(sectionId);
        List<Section> from = mutableSectionsOf(sectionParentOf(sectionId));
        from.remove(section);
        mutableSectionsOf(parent).add(index, section);
        sectionParent.put(sectionId, parent);
    }

    /** Removes a section with everything below it. */
    public void removeSection(String sectionId) {
        Section section = requireSection(sectionId);
        mutableSectionsOf(sectionParentOf(sectionId)).remove(section);
        forget(section);
    }

    private void forget(Section section) {
        sectionsById.remove(section.id());
        sectionParent.remove(section.id());
        characters -= section.heading().length();
        for (Block block : section.blocks()) {
            blocksById.remove(block.id());
            blockParent.remove(block.id());
            unindexed(block);
        }
        section.sections().forEach(this::forget);
    }

    private void indexed(Block block) {
        characters += block.raw().length();
        if (block instanceof Entry entry) {
            entriesByUrl.merge(Entry.urlKey(entry.url()), entry.id(), ListDocument::withId);
            entryCount++;
        }
    }

    private void unindexed(Block block) {
        characters -= block.raw().length();
        if (block instanceof Entry entry) {
            String key = Entry.urlKey(entry.url());
            Object ids = Objects.requireNonNull(entriesByUrl.get(key), "an indexed entry");
            if (ids instanceof List<?> several) {
                several.remove(entry.id());
                if (several.size() == 1) {
                    entriesByUrl.put(key, several.get(0));
                }
            } else {
                entriesByUrl.remove(key);
            }
            entryCount--;
        }
    }

    /** The ids of a URL key with one more: a list from the second on, in the order they were added. */
    private static Object withId(Object ids, Object id) {
        if (ids instanceof List<?> several) {
            @SuppressWarnings("unchecked")
            List<Object> more = (List<Object>) several;
            more.add(id);
            return more;
        }
        List<Object> two = new ArrayList<>(2);
        two.add(ids);
        two.add(id);
        return two;
    }

    private static String required(@Nullable String field, String name) {
        return Objects.requireNonNull(field, name);
    }

    private Parent blockParentOf(String blockId) {
        return Objects.requireNonNull(blockParent.get(blockId), "a known block");
    }

    private Parent sectionParentOf(String sectionId) {
        return Objects.requireNonNull(sectionParent.get(sectionId), "a known section");
    }

    private List<Block> mutableBlocksOf(Parent parent) {
        return switch (parent) {
            case Parent.Document d -> preamble;
            case Parent.InSection(String id) -> requireSection(id).mutableBlocks();
        };
    }

    private List<Section> mutableSectionsOf(Parent parent) {
        return switch (parent) {
            case Parent.Document d -> sections;
            case Parent.InSection(String id) -> requireSection(id).mutableSections();
        };
    }

    private static int indexOf(List<Block> blocks, String id) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("block " + id + " not in its owner");
    }

    /** The block with this id, which must exist (an event names it). */
    public Block requireBlock(String id) {
        Block block = blocksById.get(id);
        if (block == null) {
            throw new IllegalArgumentException("unknown block " + id);
        }
        return block;
    }

    /** Appends one flat node; nodes must come in document order, as {@link #nodes()} gives them. */
    public void append(DocumentNode node) {
        switch (node.kind()) {
            case SECTION -> appendSection(Parent.of(node.parent()), new Section(node.id(),
                    Objects.requireNonNull(node.level(), "level"), node.raw(), required(node.title(), "title")));
            case ENTRY -> appendBlock(Parent.of(node.parent()), new Entry(node.id(), node.raw(),
                    required(node.title(), "title"), required(node.url(), "url"), required(node.description(), "description")));
            case TEXT -> appendBlock(Parent.of(node.parent()), new Text(node.id(), node.raw()));
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
        preamble.forEach(b -> nodes.add(DocumentNode.of(b, Parent.DOCUMENT)));
        walk(sections, Parent.DOCUMENT, nodes::add);
        return nodes;
    }

    /** A section and everything below it, flattened in document order as {@link #nodes()} gives them. */
    public List<DocumentNode> subtree(String sectionId) {
        List<DocumentNode> nodes = new ArrayList<>();
        walk(List.of(requireSection(sectionId)), parentOf(sectionId), nodes::add);
        return nodes;
    }

    private static void walk(List<Section> sections, Parent parent, Consumer<DocumentNode> sink) {
        for (Section s : sections) {
            sink.accept(DocumentNode.of(s, parent));
            Parent self = Parent.section(s.id());
            s.blocks().forEach(b -> sink.accept(DocumentNode.of(b, self)));
            walk(s.sections(), self, sink);
        }
    }

    /** A deep copy, for working on a change set without touching this document. */
    public ListDocument copy() {
        return of(nodes());
    }

    /** The section with this id, which must exist (an event names it). */
    public Section requireSection(String id) {
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
