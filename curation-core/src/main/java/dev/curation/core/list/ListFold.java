package dev.curation.core.list;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.DocumentSync;
import dev.curation.core.document.Entry;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Parent;
import dev.curation.core.document.Section;
import dev.curation.core.document.Text;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one fold from list events to the list document, used by the aggregate on the write side
 * and by the projections on the read side, so both agree on what a list looks like. Events carry
 * resolved positions and lines, so the fold makes no decisions of its own.
 */
public final class ListFold {

    private ListFold() {
    }

    /**
     * Applies one event; returns the document after it (a new one for {@link ListImported}).
     * {@code document} is null only before the import's first event.
     */
    public static ListDocument apply(@Nullable ListDocument document, ListEvent event) {
        if (event instanceof ListImported) {
            return new ListDocument();
        }
        if (event instanceof CommitImported commit) {
            // the whole file again in parts (a new document), or the steps from the one before
            return commit.parts() > 0 ? new ListDocument()
                    : DocumentSync.apply(Objects.requireNonNull(document, "a list's events start with its import"),
                            commit.steps());
        }
        ListDocument target = document == null && event instanceof ListContentImported ? new ListDocument()
                : Objects.requireNonNull(document, "a list's events start with its import");
        applyTo(target, event);
        return target;
    }

    private static void applyTo(ListDocument document, ListEvent event) {
        switch (event) {
            case ListImported imported -> {
                // a new document, made by apply
            }
            case ListContentImported content -> content.nodes().forEach(document::append);
            case LinkAdded e -> document.insertBlock(Parent.of(e.section()), e.index(),
                    new Entry(e.entry(), e.raw(), e.title(), e.url(), e.description()));
            case LinkEdited e -> document.replaceBlock(new Entry(e.entry(), e.raw(), e.title(), e.url(), e.description()));
            case LinkRemoved e -> document.removeBlock(e.entry());
            case LinkMoved e -> document.moveBlock(e.entry(), Parent.of(e.section()), e.index());
            case SectionAdded e -> {
                Section section = new Section(e.section(), e.level(), e.heading(), e.title());
                document.insertSection(Parent.of(e.parent()), e.index(), section);
                e.body().forEach(node -> document.append(node));
            }
            case SectionRenamed e -> document.retitle(e.section(), e.heading(), e.title(),
                    document.requireSection(e.section()).level());
            case SectionMoved e -> {
                document.moveSection(e.section(), Parent.of(e.parent()), e.index());
                e.headings().forEach(h -> document.retitle(h.section(), h.heading(),
                        document.requireSection(h.section()).title(), h.level()));
            }
            case SectionRemoved e -> document.removeSection(e.section());
            case ContentRestored e -> {
                DocumentNode root = e.root();
                Parent parent = Parent.of(e.parent());
                switch (root.kind()) {
                    case SECTION -> document.insertSection(parent, e.index(), new Section(root.id(),
                            Objects.requireNonNull(root.level(), "level"), root.raw(), Objects.requireNonNull(root.title(), "title")));
                    case ENTRY -> document.insertBlock(parent, e.index(), new Entry(root.id(), root.raw(),
                            Objects.requireNonNull(root.title(), "title"), Objects.requireNonNull(root.url(), "url"),
                            Objects.requireNonNull(root.description(), "description")));
                    case TEXT -> document.insertBlock(parent, e.index(), new Text(root.id(), root.raw()));
                }
                e.nodes().stream().skip(1).forEach(document::append);
            }
            case TextAdded e -> document.insertBlock(Parent.of(e.section()), e.index(), new Text(e.block(), e.raw()));
            case TextEdited e -> document.replaceBlock(new Text(e.block(), e.raw()));
            case TextRemoved e -> document.removeBlock(e.block());
            case ChangeSetApplied e -> {
                // marks the start of a version; the edits follow
            }
            case ProposalSubmitted e -> {
                // proposals do not change the document until approved
            }
            case ProposalWithdrawn e -> {
            }
            case ProposalRejected e -> {
            }
            case ProposalApproved e -> {
            }
            case VersionReverted e -> {
                // marks the start of a version; the undoing edits follow
            }
            case LintProfileChanged e -> {
                // a setting of the list, not its content
            }
            case ProposalCommented e -> {
                // the review of a proposal: no content until it is approved
            }
            case ProposalCommentResolved e -> {
            }
            case ProposalChangesRequested e -> {
            }
            case ProposalAmended e -> {
            }
            case ProposalApprovalRecorded e -> {
            }
            case ReviewPolicyChanged e -> {
            }
            case WebhookSubscribed e -> {
                // who is told of the list's changes: not its content
            }
            case WebhookRemoved e -> {
            }
            case WebhookReEnabled e -> {
            }
            case MemberRoleSet e -> {
                // who may do what on the list: not its content
            }
            case MemberRemoved e -> {
            }
            case CommitImported e -> {
                // a new document, made by apply
            }
            case HistoryImported e -> {
                // the import is complete: no content
            }
            case GitBridgeSet e -> {
                // where the list is published and pulled: not its content
            }
            case GitBridgeRemoved e -> {
            }
        }
    }

    /** The document a list's events give; null if there are none. */
    public static @Nullable ListDocument fold(Iterable<? extends ListEvent> events) {
        ListDocument document = null;
        for (ListEvent event : events) {
            document = apply(document, event);
        }
        return document;
    }
}
