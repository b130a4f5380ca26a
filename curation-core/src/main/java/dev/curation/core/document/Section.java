package dev.curation.core.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A section: its heading (raw lines: one for ATX, two or more for setext), heading level, title,
 * the blocks of its body, and its sub-sections. Mutable so that folding many events stays cheap;
 * only {@link ListDocument} and the fold change it.
 */
public final class Section {

    private final String id;
    private int level;
    private String heading;
    private String title;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    public Section(String id, int level, String heading, String title) {
        this.id = Objects.requireNonNull(id, "id");
        this.level = level;
        this.heading = Objects.requireNonNull(heading, "heading");
        this.title = Objects.requireNonNull(title, "title");
    }

    public String id() {
        return id;
    }

    public int level() {
        return level;
    }

    /** The raw heading lines, terminators included. */
    public String heading() {
        return heading;
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    List<Block> mutableBlocks() {
        return blocks;
    }

    List<Section> mutableSections() {
        return sections;
    }

    void retitle(String heading, String title, int level) {
        this.heading = heading;
        this.title = title;
        this.level = level;
    }

    @Override
    public String toString() {
        return "Section[" + id + " h" + level + " " + title + "]";
    }
}
