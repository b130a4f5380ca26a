package dev.curation.core.edit;

import dev.curation.core.document.Block;
import dev.curation.core.document.Entry;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Parent;
import dev.curation.core.document.Section;
import dev.curation.core.document.Text;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.LinkMoved;
import dev.curation.core.list.LinkRemoved;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.SectionAdded;
import dev.curation.core.list.SectionMoved;
import dev.curation.core.list.SectionRemoved;
import dev.curation.core.list.SectionRenamed;
import dev.curation.core.list.TextAdded;
import dev.curation.core.list.TextEdited;
import dev.curation.core.list.TextRemoved;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The edits that undo one version, computed from its events and the document before it. */
public final class Revert {

    private Revert() {
    }

    /**
     * @param events the events of the version to undo, in order
     * @param before the document just before that version
     */
    public static List<Edit> inverse(long version, List<ListEvent> events, ListDocument before) {
        List<Edit> undo = new ArrayList<>();
        ListDocument state = before.copy();
        for (ListEvent event : events) {
            Edit inverse = switch (event) {
                case ListImported e -> throw new ListRuleException.NotRevertible(version,
                        "is the import of the list; it cannot be reverted");
                case ListContentImported e -> null;
                case LinkAdded e -> new Edit.RemoveLink(e.entry());
                case LinkRemoved e -> {
                    Entry entry = (Entry) state.requireBlock(e.entry());
                    String section = inSection(version, state.parentOfBlock(e.entry()), "removed an entry");
                    yield new Edit.AddLink(section, entryIndex(state.blocksOf(Parent.section(section)), e.entry()),
                            entry.title(), entry.url(), entry.description());
                }
                case LinkEdited e -> {
                    Entry entry = (Entry) state.requireBlock(e.entry());
                    yield new Edit.EditLink(e.entry(), entry.title(), entry.url(), entry.description());
                }
                case LinkMoved e -> {
                    String from = inSection(version, Parent.of(e.fromSection()), "moved an entry from");
                    yield new Edit.MoveLink(e.entry(), from, entryIndex(state.blocksOf(Parent.section(from)), e.entry()));
                }
                case SectionAdded e -> new Edit.RemoveSection(e.section(), false);
                case SectionRenamed e -> new Edit.RenameSection(e.section(), state.requireSection(e.section()).title());
                case SectionMoved e -> new Edit.MoveSection(e.section(), e.fromParent(),
                        sectionIndex(state.sectionsOf(Parent.of(e.fromParent())), e.section()));
                case SectionRemoved e -> throw new ListRuleException.NotRevertible(version, "removed section "
                        + state.requireSection(e.section()).title() + "; restoring a removed section is not supported");
                case TextAdded e -> new Edit.RemoveText(e.block());
                case TextEdited e -> new Edit.EditText(e.block(), state.requireBlock(e.block()).raw());
                case TextRemoved e -> {
                    Text text = (Text) state.requireBlock(e.block());
                    String section = inSection(version, state.parentOfBlock(e.block()), "removed text");
                    yield new Edit.AddText(section, blockIndex(state.blocksOf(Parent.section(section)), e.block()),
                            text.raw());
                }
                default -> null;
            };
            if (inverse != null) {
                undo.add(inverse);
            }
            ListFold.apply(state, event);
        }
        if (undo.isEmpty()) {
            throw new ListRuleException.NotRevertible(version, "changed nothing that can be undone");
        }
        Collections.reverse(undo);
        return undo;
    }

    /** The section a block was in; edits cannot add to the preamble, so a block that left it cannot go back. */
    private static String inSection(long version, Parent parent, String what) {
        return switch (parent) {
            case Parent.InSection(String id) -> id;
            case Parent.Document d -> throw new ListRuleException.NotRevertible(version,
                    what + " before the first section; edits cannot put anything back there");
        };
    }

    private static int entryIndex(List<Block> blocks, String id) {
        int index = 0;
        for (Block block : blocks) {
            if (block.id().equals(id)) {
                return index;
            }
            if (block instanceof Entry) {
                index++;
            }
        }
        return index;
    }

    private static int blockIndex(List<Block> blocks, String id) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).id().equals(id)) {
                return i;
            }
        }
        return blocks.size();
    }

    private static int sectionIndex(List<Section> sections, String id) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id().equals(id)) {
                return i;
            }
        }
        return sections.size();
    }
}
