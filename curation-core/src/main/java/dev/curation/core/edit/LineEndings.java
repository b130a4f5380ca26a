package dev.curation.core.edit;

import dev.curation.core.document.Block;
import dev.curation.core.document.Lines;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Section;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The line ending new lines are written with: the document's own, so an edit never mixes endings. */
final class LineEndings {

    private LineEndings() {
    }

    /** The line ending of the first line that has one, in document order ("\n" if none has). */
    static String of(ListDocument document) {
        String ending = firstEnding(document.preamble(), document.sections());
        return ending == null ? "\n" : ending;
    }

    private static @Nullable String firstEnding(List<Block> blocks, List<Section> sections) {
        for (Block block : blocks) {
            String ending = ending(block.raw());
            if (ending != null) {
                return ending;
            }
        }
        for (Section section : sections) {
            String ending = ending(section.heading());
            if (ending == null) {
                ending = firstEnding(section.blocks(), section.sections());
            }
            if (ending != null) {
                return ending;
            }
        }
        return null;
    }

    private static @Nullable String ending(String raw) {
        String ending = Lines.terminator(Lines.split(raw).getFirst());
        return ending.isEmpty() ? null : ending;
    }
}
