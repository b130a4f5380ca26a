package dev.curation.core.document;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What holds a section or a block: the document itself (its top-level sections, and its
 * preamble's blocks) or a section. Events, edits and JSON say this with a section id that is
 * {@code null} for the document; {@link #of} and {@link #wireId} convert at that boundary so
 * nothing inside the model asks "is it null?".
 */
public sealed interface Parent {

    /** The document: the parent of top-level sections and of the preamble's blocks. */
    Parent DOCUMENT = new Document();

    static Parent section(String sectionId) {
        return new InSection(sectionId);
    }

    /** The parent a wire id names: a section, or the document when {@code sectionId} is null. */
    static Parent of(@Nullable String sectionId) {
        return sectionId == null ? DOCUMENT : new InSection(sectionId);
    }

    /** The id events and JSON carry: the section's, or null for the document. */
    @Nullable String wireId();

    record Document() implements Parent {
        @Override
        public @Nullable String wireId() {
            return null;
        }
    }

    record InSection(String sectionId) implements Parent {
        public InSection {
            Objects.requireNonNull(sectionId, "sectionId");
        }

        @Override
        public String wireId() {
            return sectionId;
        }
    }
}
