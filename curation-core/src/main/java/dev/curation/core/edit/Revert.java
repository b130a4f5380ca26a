package dev.curation.core.edit;

import dev.curation.core.document.Block;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.Entry;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Parent;
import dev.curation.core.document.Section;
import dev.curation.core.document.Text;
import dev.curation.core.list.ContentRestored;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.LinkMoved;
import dev.curation.core.list.LinkRemoved;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The events that undo a run of versions, exactly: what they removed comes back with its original
 * ids and bytes (a {@link ContentRestored}), what they edited gets its old lines back, what they
 * added goes, what they moved returns. Each inverse is placed after the item that preceded the
 * original in its section when that item is still there, else at the original position (as far as
 * the section now reaches). Items changed after the run clash, as in a rebase: undoing them would
 * undo someone else's later work.
 */
public final class Revert {

    private Revert() {
    }

    /** One version to undo: its number and its events, in order. */
    public record PastVersion(long version, List<ListEvent> events) {
        public PastVersion {
            events = List.copyOf(events);
        }
    }

    /**
     * The events that undo {@code versions} (consecutive, oldest first) of a list whose document
     * just before the first of them was {@code before}; they apply to {@code current}, which is not
     * changed.
     *
     * @param lastChanged the version that last changed each item
     * @param sameUrlInSections whether the list allows one URL in several sections
     * @throws ListRuleException.NotRevertible for an import, or versions that changed nothing
     * @throws EditException.Clash naming the items changed since, or the sections gone since
     */
    public static List<ListEvent> undo(String listId, ListDocument before, List<PastVersion> versions, ListDocument current,
                                       long currentVersion, Map<String, Long> lastChanged, boolean sameUrlInSections) {
        long last = versions.getLast().version();
        Set<String> clashes = new LinkedHashSet<>();
        List<Inverse> inverses = new ArrayList<>();
        ListDocument state = before.copy();
        for (PastVersion past : versions) {
            for (ListEvent event : past.events()) {
                if (event instanceof ListImported || event instanceof ListContentImported) {
                    throw new ListRuleException.NotRevertible(past.version(), "is the import of the list; it cannot be reverted");
                }
                for (String id : ListEvents.changedItems(event)) {
                    if (lastChanged.getOrDefault(id, 0L) > last) {
                        clashes.add(id);
                    }
                }
                Inverse inverse = inverse(event, state);
                if (inverse != null) {
                    inverses.add(inverse);
                }
                ListFold.apply(state, event);
            }
        }
        if (inverses.isEmpty()) {
            throw new ListRuleException.NotRevertible(versions.getFirst().version(), "changed nothing that can be undone");
        }
        ListDocument work = current.copy();
        Undo undo = new Undo(listId, work, last, lastChanged, clashes);
        for (int i = inverses.size() - 1; i >= 0; i--) {
            for (ListEvent event : inverses.get(i).resolve(undo)) {
                undo.events.add(event);
                ListFold.apply(work, event);
            }
        }
        undo.checkUrls(sameUrlInSections);
        if (!clashes.isEmpty()) {
            throw new EditException.Clash(List.copyOf(clashes), last, currentVersion);
        }
        return List.copyOf(undo.events);
    }

    /** What undoes one event, captured from the document just before it. */
    private static @Nullable Inverse inverse(ListEvent event, ListDocument state) {
        return switch (event) {
            case LinkAdded e -> new RemoveBlock(e.entry());
            case TextAdded e -> new RemoveBlock(e.block());
            case LinkRemoved e -> restoreBlock(state, e.entry());
            case TextRemoved e -> restoreBlock(state, e.block());
            case LinkEdited e -> new ReplaceBlock(state.requireBlock(e.entry()));
            case TextEdited e -> new ReplaceBlock(state.requireBlock(e.block()));
            case LinkMoved e -> {
                Parent from = state.parentOfBlock(e.entry());
                List<Block> blocks = state.blocksOf(from);
                int index = blockIndex(blocks, e.entry());
                yield new MoveBlockBack(e.entry(), from, index == 0 ? null : blocks.get(index - 1).id(), index);
            }
            case SectionAdded e -> new RemoveSection(e.section());
            case SectionRenamed e -> {
                Section section = state.requireSection(e.section());
                yield new Rename(e.section(), section.heading(), section.title());
            }
            case SectionMoved e -> {
                Parent from = state.parentOf(e.section());
                List<Section> siblings = state.sectionsOf(from);
                int index = sectionIndex(siblings, e.section());
                List<SectionMoved.Heading> headings = state.subtree(e.section()).stream()
                        .filter(n -> n.kind() == DocumentNode.Kind.SECTION)
                        .map(n -> new SectionMoved.Heading(n.id(), Objects.requireNonNull(n.level()), n.raw())).toList();
                yield new MoveSectionBack(e.section(), from, index == 0 ? null : siblings.get(index - 1).id(), index, headings);
            }
            case SectionRemoved e -> {
                Parent parent = state.parentOf(e.section());
                List<Section> siblings = state.sectionsOf(parent);
                int index = sectionIndex(siblings, e.section());
                yield new Restore(parent, index == 0 ? null : siblings.get(index - 1).id(), index, false,
                        state.subtree(e.section()));
            }
            case ContentRestored e -> e.root().kind() == DocumentNode.Kind.SECTION ? new RemoveSection(e.root().id())
                    : new RemoveBlock(e.root().id());
            default -> null;
        };
    }

    private static Restore restoreBlock(ListDocument state, String id) {
        Parent parent = state.parentOfBlock(id);
        List<Block> blocks = state.blocksOf(parent);
        int index = blockIndex(blocks, id);
        return new Restore(parent, index == 0 ? null : blocks.get(index - 1).id(), index, true,
                List.of(DocumentNode.of(state.requireBlock(id), parent)));
    }

    /** The list as the undoing events leave it, step by step, and what clashed. */
    private static final class Undo {
        final String listId;
        final ListDocument work;
        final long last;
        final Map<String, Long> lastChanged;
        final Set<String> clashes;
        final List<ListEvent> events = new ArrayList<>();
        final List<String> restoredEntries = new ArrayList<>();

        Undo(String listId, ListDocument work, long last, Map<String, Long> lastChanged, Set<String> clashes) {
            this.listId = listId;
            this.work = work;
            this.last = last;
            this.lastChanged = lastChanged;
            this.clashes = clashes;
        }

        /** Whether the section a thing goes back into is still there; a clash names it when not. */
        boolean present(Parent parent) {
            if (parent instanceof Parent.InSection(String id) && work.section(id) == null) {
                clashes.add(id);
                return false;
            }
            return true;
        }

        /** A restored link whose URL is in the list again would be a duplicate: the entry holding it clashes. */
        void checkUrls(boolean sameUrlInSections) {
            for (String id : restoredEntries) {
                if (!(work.block(id) instanceof Entry entry)) {
                    continue;
                }
                for (String other : work.entriesWithUrl(entry.url())) {
                    boolean sameSection = work.parentOfBlock(other).equals(work.parentOfBlock(id));
                    if (!other.equals(id) && !restoredEntries.contains(other) && (sameSection || !sameUrlInSections)) {
                        clashes.add(other);
                    }
                }
            }
        }
    }

    /** One step of undoing, resolved against the list as the steps after it in the run left it. */
    private sealed interface Inverse permits RemoveBlock, Restore, ReplaceBlock, MoveBlockBack, RemoveSection, Rename,
            MoveSectionBack {
        List<ListEvent> resolve(Undo undo);
    }

    private record RemoveBlock(String id) implements Inverse {
        public List<ListEvent> resolve(Undo undo) {
            return switch (undo.work.block(id)) {
                case Entry e -> List.of(new LinkRemoved(undo.listId, id));
                case Text t -> List.of(new TextRemoved(undo.listId, id));
                case null -> {
                    undo.clashes.add(id);
                    yield List.of();
                }
            };
        }
    }

    private record Restore(Parent parent, @Nullable String after, int index, boolean block, List<DocumentNode> nodes)
            implements Inverse {
        public List<ListEvent> resolve(Undo undo) {
            if (!undo.present(parent)) {
                return List.of();
            }
            for (DocumentNode node : nodes) {
                if (undo.work.contains(node.id())) {
                    undo.clashes.add(node.id());
                    return List.of();
                }
            }
            List<String> siblings = block ? undo.work.blocksOf(parent).stream().map(Block::id).toList()
                    : undo.work.sectionsOf(parent).stream().map(Section::id).toList();
            nodes.stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY).forEach(n -> undo.restoredEntries.add(n.id()));
            return List.of(new ContentRestored(undo.listId, parent.wireId(), place(siblings, after, index), nodes));
        }
    }

    private record ReplaceBlock(Block old) implements Inverse {
        public List<ListEvent> resolve(Undo undo) {
            Block now = undo.work.block(old.id());
            return switch (old) {
                case Entry e when now instanceof Entry -> List.of(new LinkEdited(undo.listId, e.id(), e.raw(), e.title(),
                        e.url(), e.description()));
                case Text t when now instanceof Text -> List.of(new TextEdited(undo.listId, t.id(), t.raw()));
                default -> {
                    undo.clashes.add(old.id());
                    yield List.of();
                }
            };
        }
    }

    private record MoveBlockBack(String id, Parent from, @Nullable String after, int index) implements Inverse {
        public List<ListEvent> resolve(Undo undo) {
            if (!(undo.work.block(id) instanceof Entry entry)) {
                undo.clashes.add(id);
                return List.of();
            }
            if (!undo.present(from)) {
                return List.of();
            }
            Parent now = undo.work.parentOfBlock(id);
            List<String> siblings = undo.work.blocksOf(from).stream().map(Block::id).filter(b -> !b.equals(id)).toList();
            int place = place(siblings, after, index);
            return switch (from) {
                case Parent.InSection(String section) -> List.of(new LinkMoved(undo.listId, id, now.wireId(), section, place));
                // edits cannot move a link into the preamble, so it leaves where it is and comes back there
                case Parent.Document d -> List.of(new LinkRemoved(undo.listId, id),
                        new ContentRestored(undo.listId, null, place, List.of(DocumentNode.of(entry, Parent.DOCUMENT))));
            };
        }
    }

    private record RemoveSection(String id) implements Inverse {
        public List<ListEvent> resolve(Undo undo) {
            if (undo.work.section(id) == null) {
                undo.clashes.add(id);
                return List.of();
            }
            List<DocumentNode> below = undo.work.subtree(id);
            boolean clash = false;
            for (DocumentNode node : below) {
                // what was put in the section after the run would go with it
                if (undo.lastChanged.getOrDefault(node.id(), 0L) > undo.last) {
                    undo.clashes.add(node.id());
                    clash = true;
                }
            }
            return clash ? List.of() : List.of(new SectionRemoved(undo.listId, id, below.stream()
                    .filter(n -> n.kind() == DocumentNode.Kind.ENTRY).map(DocumentNode::id).toList()));
        }
    }

    private record Rename(String id, String heading, String title) implements Inverse {
        public List<ListEvent> resolve(Undo undo) {
            if (undo.work.section(id) == null) {
                undo.clashes.add(id);
                return List.of();
            }
            return List.of(new SectionRenamed(undo.listId, id, heading, title));
        }
    }

    private record MoveSectionBack(String id, Parent from, @Nullable String after, int index,
                                   List<SectionMoved.Heading> headings) implements Inverse {
        public List<ListEvent> resolve(Undo undo) {
            if (undo.work.section(id) == null) {
                undo.clashes.add(id);
                return List.of();
            }
            if (!undo.present(from) || from instanceof Parent.InSection(String target) && undo.work.isWithin(target, id)) {
                undo.clashes.add(id);
                return List.of();
            }
            Parent now = undo.work.parentOf(id);
            List<String> siblings = undo.work.sectionsOf(from).stream().map(Section::id).filter(s -> !s.equals(id)).toList();
            // the section gets its old level back and what is below it now moves by as many levels: old
            // headings where the level matches, re-levelled ones for what came below it since
            Map<String, SectionMoved.Heading> old = new HashMap<>();
            headings.forEach(h -> old.put(h.section(), h));
            Section root = undo.work.requireSection(id);
            int delta = headings.getFirst().level() - root.level();
            List<SectionMoved.Heading> changed = new ArrayList<>();
            for (DocumentNode node : undo.work.subtree(id)) {
                if (node.kind() != DocumentNode.Kind.SECTION) {
                    continue;
                }
                Section section = undo.work.requireSection(node.id());
                int level = section.level() + delta;
                if (level < 1 || level > 6) {
                    undo.clashes.add(node.id());
                    return List.of();
                }
                if (level == section.level()) {
                    continue; // a move only re-levels: a heading at its level stays as it is
                }
                // its old line, unless it was renamed since
                SectionMoved.Heading was = old.get(node.id());
                String heading = was != null && was.level() == level && undo.lastChanged.getOrDefault(node.id(), 0L) <= undo.last
                        ? was.heading() : LineStyle.relevel(section.heading(), section.title(), level);
                changed.add(new SectionMoved.Heading(node.id(), level, heading));
            }
            return List.of(new SectionMoved(undo.listId, id, now.wireId(), from.wireId(), place(siblings, after, index), changed));
        }
    }

    /** Right after {@code after} when it is still among {@code siblings}, first when there was none, else the old index. */
    private static int place(List<String> siblings, @Nullable String after, int index) {
        if (after == null) {
            return 0;
        }
        int at = siblings.indexOf(after);
        return at >= 0 ? at + 1 : Math.min(index, siblings.size());
    }

    private static int blockIndex(List<Block> blocks, String id) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("block " + id + " is not where its event says");
    }

    private static int sectionIndex(List<Section> sections, String id) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("section " + id + " is not where its event says");
    }
}
