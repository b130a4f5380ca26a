package dev.curation.core.edit;

import dev.curation.core.document.Block;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.Entry;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.Lines;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Parent;
import dev.curation.core.document.Section;
import dev.curation.core.document.Text;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.LinkMoved;
import dev.curation.core.list.LinkRemoved;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.SectionAdded;
import dev.curation.core.list.SectionMoved;
import dev.curation.core.list.SectionRemoved;
import dev.curation.core.list.SectionRenamed;
import dev.curation.core.list.TextAdded;
import dev.curation.core.list.TextEdited;
import dev.curation.core.list.TextRemoved;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides a change set: validates each edit against the list as the edits before it left it,
 * and returns the events that apply them all, or throws and applies nothing. New lines are
 * rendered in the style of their neighbours; everything else keeps its bytes.
 */
public final class ListEditor {

    private final String listId;
    /** The list as the edits so far left it: {@code current} itself until an event must be applied. */
    private ListDocument work;
    private boolean copied;
    private final IdSequence ids;
    private final String lineEnding;
    private final List<ListEvent> events = new ArrayList<>();
    /** Events emitted but not yet applied to {@link #work}. */
    private final List<ListEvent> pending = new ArrayList<>();

    /** With a lint profile that allows it, a page may be linked once in each section instead of once in the list. */
    private final boolean sameUrlInSections;

    private ListEditor(String listId, ListDocument current, IdSequence ids, boolean sameUrlInSections) {
        this.listId = listId;
        this.work = current;
        this.ids = ids;
        this.lineEnding = LineEndings.of(current);
        this.sameUrlInSections = sameUrlInSections;
    }

    /** The events applying {@code edits} in order to {@code current}; new ids come from {@code ids}. */
    public static List<ListEvent> decide(String listId, ListDocument current, IdSequence ids, List<Edit> edits) {
        return decide(listId, current, ids, edits, false);
    }

    /** As {@link #decide(String, ListDocument, IdSequence, List)}; with {@code sameUrlInSections} a URL is refused only when its section has it. */
    public static List<ListEvent> decide(String listId, ListDocument current, IdSequence ids, List<Edit> edits,
                                         boolean sameUrlInSections) {
        return decideEach(listId, current, ids, edits, sameUrlInSections).stream().flatMap(List::stream).toList();
    }

    /**
     * As {@link #decide(String, ListDocument, IdSequence, List, boolean)}, the events grouped by the
     * edit that made them, in the edits' order (an edit that changes nothing made none): what a
     * reader needs to place a finding about a new item under the edit that made it.
     */
    public static List<List<ListEvent>> decideEach(String listId, ListDocument current, IdSequence ids, List<Edit> edits,
                                                   boolean sameUrlInSections) {
        if (edits.isEmpty()) {
            throw new EditException.Invalid("edits", "must hold at least one edit");
        }
        ListEditor editor = new ListEditor(listId, current, ids, sameUrlInSections);
        List<List<ListEvent>> byEdit = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            editor.catchUp();
            int from = editor.events.size();
            editor.step(edits.get(i), "edits[" + i + "]");
            byEdit.add(List.copyOf(editor.events.subList(from, editor.events.size())));
        }
        return List.copyOf(byEdit);
    }

    /**
     * The items the edits touch that changed after {@code baseVersion}, per {@code lastChanged}
     * (item id to the version that last changed it). Empty means the change set rebases cleanly.
     */
    public static List<String> clashes(List<Edit> edits, Map<String, Long> lastChanged, long baseVersion) {
        Set<String> clashing = new LinkedHashSet<>();
        for (Edit edit : edits) {
            for (String id : edit.touches()) {
                if (lastChanged.getOrDefault(id, 0L) > baseVersion) {
                    clashing.add(id);
                }
            }
        }
        return List.copyOf(clashing);
    }

    private void step(Edit edit, String path) {
        switch (edit) {
            case Edit.AddLink e -> {
                Section section = section(path + ".section", e.section());
                String title = Validation.title(path + ".title", e.title(), Validation.MAX_TITLE);
                String url = Validation.url(path + ".url", e.url());
                String description = Validation.description(path + ".description", e.description());
                requireNewUrl(path + ".url", url, null, Parent.section(section.id()));
                int index = entryInsertIndex(section.blocks(), e.position(), path + ".position");
                Neighbour neighbour = neighbour(section.blocks(), index);
                String raw = LineStyle.link(neighbour.entry(), neighbour.after(), title, url, description, lineEnding);
                emit(new LinkAdded(listId, ids.entry(), section.id(), index, raw, title, url,
                        description == null ? "" : description));
            }
            case Edit.EditLink e -> {
                Entry entry = entry(path + ".entry", e.entry());
                String title = e.title() == null ? entry.title() : Validation.title(path + ".title", e.title(), Validation.MAX_TITLE);
                String url = e.url() == null ? entry.url() : Validation.url(path + ".url", e.url());
                String description = Validation.description(path + ".description", e.description());
                if (e.url() != null) {
                    requireNewUrl(path + ".url", url, entry.id(), work.parentOfBlock(entry.id()));
                }
                String raw = LineStyle.relink(entry, title, url, description);
                if (!raw.equals(entry.raw())) {
                    emit(new LinkEdited(listId, entry.id(), raw, title, url,
                            description == null ? entry.description() : description));
                }
            }
            case Edit.RemoveLink e -> emit(new LinkRemoved(listId, entry(path + ".entry", e.entry()).id()));
            case Edit.MoveLink e -> {
                Entry entry = entry(path + ".entry", e.entry());
                Section target = section(path + ".section", e.section());
                Parent from = work.parentOfBlock(entry.id());
                if (sameUrlInSections) {
                    // a section that allows one copy per section must not get a second by a move
                    requireNewUrl(path + ".section", entry.url(), entry.id(), Parent.section(target.id()));
                }
                // positions count once the entry has left its place
                List<Block> remaining = target.blocks().stream()
                        .filter(b -> !b.id().equals(entry.id())).toList();
                int index = entryInsertIndex(remaining, e.position(), path + ".position");
                emit(new LinkMoved(listId, entry.id(), from.wireId(), target.id(), index));
            }
            case Edit.AddSection e -> {
                Section parent = e.parent() == null ? null : section(path + ".parent", e.parent());
                String title = Validation.title(path + ".title", e.title(), Validation.MAX_SECTION_TITLE);
                Parent place = parent == null ? Parent.DOCUMENT : Parent.section(parent.id());
                List<Section> siblings = work.sectionsOf(place);
                int index = position(e.position(), siblings.size(), path + ".position");
                int level = levelFor(parent, siblings, null, path);
                List<DocumentNode> body = new ArrayList<>();
                String sectionId = ids.section();
                if (endsWithBlank(before(place, index))) {
                    body.add(DocumentNode.of(new Text(ids.text(), lineEnding), Parent.section(sectionId)));
                }
                emit(new SectionAdded(listId, sectionId, place.wireId(), index, level,
                        LineStyle.atxHeading(level, title, lineEnding), title, body));
            }
            case Edit.RenameSection e -> {
                Section section = section(path + ".section", e.section());
                String title = Validation.title(path + ".title", e.title(), Validation.MAX_SECTION_TITLE);
                if (!title.equals(section.title())) {
                    emit(new SectionRenamed(listId, section.id(), LineStyle.retitle(section.heading(), title), title));
                }
            }
            case Edit.MoveSection e -> moveSection(e, path);
            case Edit.RemoveSection e -> {
                Section section = section(path + ".section", e.section());
                List<String> entries = new ArrayList<>();
                int[] sections = {0};
                collect(section, entries, sections);
                if (!e.withContent() && (!entries.isEmpty() || sections[0] > 0)) {
                    throw new EditException.NotEmpty(path + ".withContent", section.id(), entries.size(), sections[0]);
                }
                emit(new SectionRemoved(listId, section.id(), entries));
            }
            case Edit.AddText e -> {
                Section section = section(path + ".section", e.section());
                String text = Validation.text(path + ".text", e.text());
                List<Block> blocks = section.blocks();
                int index = e.position() == null ? beforeTrailingBlanks(blocks)
                        : position(e.position(), blocks.size(), path + ".position");
                emit(new TextAdded(listId, ids.text(), section.id(), index, terminated(text)));
            }
            case Edit.EditText e -> {
                Text block = text(path + ".block", e.block());
                String raw = terminated(Validation.text(path + ".text", e.text()));
                if (!raw.equals(block.raw())) {
                    emit(new TextEdited(listId, block.id(), raw));
                }
            }
            case Edit.RemoveText e -> emit(new TextRemoved(listId, text(path + ".block", e.block()).id()));
        }
    }

    private void moveSection(Edit.MoveSection e, String path) {
        Section section = section(path + ".section", e.section());
        Section parent = e.parent() == null ? null : section(path + ".parent", e.parent());
        if (parent != null && work.isWithin(parent.id(), section.id())) {
            throw new EditException.Invalid(path + ".parent", "cannot move section " + section.id() + " into itself");
        }
        Parent place = parent == null ? Parent.DOCUMENT : Parent.section(parent.id());
        Parent from = work.parentOf(section.id());
        List<Section> siblings = new ArrayList<>(work.sectionsOf(place));
        siblings.remove(section);
        int index = position(e.position(), siblings.size(), path + ".position");
        int level = levelFor(parent, siblings, section, path);
        int delta = level - section.level();
        List<SectionMoved.Heading> headings = new ArrayList<>();
        if (delta != 0) {
            relevel(section, delta, headings, path);
        }
        emit(new SectionMoved(listId, section.id(), from.wireId(), place.wireId(), index, headings));
    }

    private void relevel(Section section, int delta, List<SectionMoved.Heading> headings, String path) {
        int level = section.level() + delta;
        if (level < 1 || level > 6) {
            throw new EditException.Invalid(path + ".parent", "section " + section.id() + " would be at heading level "
                    + level + "; Markdown has levels 1 to 6");
        }
        headings.add(new SectionMoved.Heading(section.id(), level, LineStyle.relevel(section.heading(), section.title(), level)));
        section.sections().forEach(child -> relevel(child, delta, headings, path));
    }

    /** Level of a section placed among {@code siblings}: theirs if there are any, else one below the parent's. */
    private static int levelFor(@Nullable Section parent, List<Section> siblings, @Nullable Section moving, String path) {
        for (Section sibling : siblings) {
            if (sibling != moving) {
                return sibling.level();
            }
        }
        int level = parent == null ? (moving == null ? 2 : moving.level()) : parent.level() + 1;
        if (level > 6) {
            throw new EditException.Invalid(path + ".parent", "a section below a level-6 heading cannot exist in Markdown");
        }
        return level;
    }

    private void emit(ListEvent event) {
        events.add(event);
        pending.add(event);
    }

    /**
     * Applies what earlier edits emitted before the next edit is checked, on a copy made the first
     * time: the list being edited is never changed, and a change set of one edit copies nothing.
     */
    private void catchUp() {
        if (pending.isEmpty()) {
            return;
        }
        if (!copied) {
            work = work.copy();
            copied = true;
        }
        for (ListEvent event : pending) {
            work = ListFold.apply(work, event);
        }
        pending.clear();
    }


    /** Block index for an entry that is to be entry number {@code position} among {@code blocks} (null: after the last entry). */
    private static int entryInsertIndex(List<Block> blocks, @Nullable Integer position, String field) {
        if (position == null) {
            // appended after the topic's last entry: found from the end, without counting a long topic's entries
            return afterLastEntry(blocks);
        }
        int entries = 0;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Entry) {
                if (entries == position) {
                    return i;
                }
                entries++;
            }
        }
        if (position > entries) {
            throw new EditException.Invalid(field, "must be between 0 and " + entries);
        }
        return afterLastEntry(blocks);
    }

    /** Just after the last entry; without entries, before the trailing blank lines. */
    private static int afterLastEntry(List<Block> blocks) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i) instanceof Entry) {
                return i + 1;
            }
        }
        return beforeTrailingBlanks(blocks);
    }

    private static int beforeTrailingBlanks(List<Block> blocks) {
        int index = blocks.size();
        while (index > 0 && LineStyle.isBlank(blocks.get(index - 1))) {
            index--;
        }
        return index;
    }

    private record Neighbour(@Nullable Entry entry, boolean after) {
    }

    /** The entry a new line at {@code index} copies its style from: the one before it, else after it, else any. */
    private Neighbour neighbour(List<Block> blocks, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (blocks.get(i) instanceof Entry entry) {
                return new Neighbour(entry, true);
            }
        }
        for (int i = index; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Entry entry) {
                return new Neighbour(entry, false);
            }
        }
        for (DocumentNode node : work.nodes()) {
            if (node.kind() == DocumentNode.Kind.ENTRY) {
                return new Neighbour((Entry) work.block(node.id()), false);
            }
        }
        return new Neighbour(null, false);
    }

    /**
     * What precedes child {@code index} of {@code parent} in document order: the previous
     * sibling's last descendant, or the parent itself.
     */
    private Parent before(Parent parent, int index) {
        if (index == 0) {
            return parent;
        }
        Section last = work.sectionsOf(parent).get(index - 1);
        while (!last.sections().isEmpty()) {
            last = last.sections().getLast();
        }
        return Parent.section(last.id());
    }

    /** True if the body of {@code parent} (the preamble, for the document) ends with a blank line. */
    private boolean endsWithBlank(Parent parent) {
        List<Block> blocks = work.blocksOf(parent);
        return !blocks.isEmpty() && LineStyle.isBlank(blocks.getLast());
    }

    /** Refuses a URL another entry already has, as {@link Entry#urlKey(String)} compares them. */
    private void requireNewUrl(String field, String url, @Nullable String self, Parent in) {
        for (String id : work.entriesWithUrl(url)) {
            if (!id.equals(self) && (!sameUrlInSections || work.parentOfBlock(id).equals(in))) {
                throw new EditException.DuplicateUrl(field, url, id);
            }
        }
    }

    private static void collect(Section section, List<String> entries, int[] sections) {
        section.blocks().stream().filter(Entry.class::isInstance).forEach(b -> entries.add(b.id()));
        for (Section child : section.sections()) {
            sections[0]++;
            collect(child, entries, sections);
        }
    }

    private static int position(@Nullable Integer position, int size, String field) {
        if (position == null) {
            return size;
        }
        if (position > size) {
            throw new EditException.Invalid(field, "must be between 0 and " + size);
        }
        return position;
    }

    private String terminated(String text) {
        String last = Lines.split(text).getLast();
        return Lines.terminator(last).isEmpty() ? text + lineEnding : text;
    }

    private Section section(String field, String id) {
        Section section = work.section(id);
        if (section == null) {
            throw new EditException.UnknownItem(field, id, "section");
        }
        return section;
    }

    private Entry entry(String field, String id) {
        if (!(work.block(id) instanceof Entry entry)) {
            throw new EditException.UnknownItem(field, id, work.block(id) == null ? "entry" : "entry (it is a text block)");
        }
        return entry;
    }

    private Text text(String field, String id) {
        if (!(work.block(id) instanceof Text text)) {
            throw new EditException.UnknownItem(field, id, work.block(id) == null ? "text block" : "text block (it is an entry)");
        }
        return text;
    }
}
