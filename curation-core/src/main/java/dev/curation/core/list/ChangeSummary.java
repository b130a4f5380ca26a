package dev.curation.core.list;

import dev.curation.core.document.Block;
import dev.curation.core.document.Entry;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Section;

/** Human sentences for events, as history and feeds show them: "added [Nacos](https://nacos.io) to 工具". */
public final class ChangeSummary {

    private ChangeSummary() {
    }

    /** What the event did, told against the document as it was before the event; null for events that only mark a version. */
    public static String describe(ListEvent event, ListDocument before) {
        return switch (event) {
            case ListImported e -> "imported the list as " + e.slug();
            case LinkAdded e -> "added " + link(e.title(), e.url()) + " to " + section(before, e.section());
            case LinkEdited e -> {
                Block old = before == null ? null : before.block(e.entry());
                yield old instanceof Entry entry
                        ? "edited " + link(entry.title(), entry.url()) + edits(entry, e)
                        : "edited " + link(e.title(), e.url());
            }
            case LinkRemoved e -> "removed " + entry(before, e.entry()) + " from " + section(before, owner(before, e.entry()));
            case LinkMoved e -> "moved " + entry(before, e.entry()) + " from " + section(before, e.fromSection()) + " to "
                    + section(before, e.section());
            case SectionAdded e -> "added topic " + e.title() + (e.parent() == null ? "" : " under " + section(before, e.parent()));
            case SectionRenamed e -> "renamed topic " + section(before, e.section()) + " to " + e.title();
            case SectionMoved e -> "moved topic " + section(before, e.section())
                    + (e.parent() == null ? " to the top level" : " under " + section(before, e.parent()));
            case SectionRemoved e -> "removed topic " + section(before, e.section())
                    + (e.entries().isEmpty() ? "" : " with " + e.entries().size() + (e.entries().size() == 1 ? " entry" : " entries"));
            case TextAdded e -> "added text to " + section(before, e.section());
            case TextEdited e -> "edited text in " + section(before, owner(before, e.block()));
            case TextRemoved e -> "removed text from " + section(before, owner(before, e.block()));
            case VersionReverted e -> "reverted version " + e.reverted();
            case ListContentImported e -> null;
            case ChangeSetApplied e -> null;
            case ProposalApproved e -> null;
            case ProposalSubmitted e -> "proposed " + e.edits().size() + " edit" + (e.edits().size() == 1 ? "" : "s");
            case ProposalWithdrawn e -> "withdrew proposal " + e.proposal();
            case ProposalRejected e -> "rejected proposal " + e.proposal() + ": " + e.reason();
        };
    }

    private static String edits(Entry old, LinkEdited e) {
        StringBuilder out = new StringBuilder();
        if (!old.title().equals(e.title())) {
            out.append(": title to ").append(e.title());
        }
        if (!old.url().equals(e.url())) {
            out.append(out.isEmpty() ? ": " : ", ").append("URL to ").append(e.url());
        }
        if (!old.description().equals(e.description())) {
            out.append(out.isEmpty() ? ": " : ", ").append("description");
        }
        return out.toString();
    }

    private static String link(String title, String url) {
        return "[" + title + "](" + url + ")";
    }

    private static String entry(ListDocument document, String id) {
        return document != null && document.block(id) instanceof Entry e ? link(e.title(), e.url()) : id;
    }

    private static String owner(ListDocument document, String blockId) {
        return document == null || document.block(blockId) == null ? null : document.ownerOf(blockId);
    }

    private static String section(ListDocument document, String id) {
        if (id == null) {
            return "the top of the list";
        }
        Section section = document == null ? null : document.section(id);
        return section == null ? id : section.title();
    }
}
