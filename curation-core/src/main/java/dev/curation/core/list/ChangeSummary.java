package dev.curation.core.list;

import dev.curation.core.document.Block;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.Entry;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Section;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Human sentences for events, as history and feeds show them: "added [Nacos](https://nacos.io) to 工具".
 * In two steps, so that a read model can keep the first and word it when read: {@link #change}
 * resolves the names a sentence needs against the list as it was before the event, and
 * {@link #sentence} words them. Changing the wording then needs no replay.
 */
public final class ChangeSummary {

    /** What an event changed, with the names its sentence needs (the event's type, then name to text). */
    public record Change(String type, Map<String, String> names) {
        public Change {
            names = Map.copyOf(names);
        }
    }

    private ChangeSummary() {
    }

    /** The names the event's sentence needs; null for events that only mark a version. */
    public static @Nullable Change change(ListEvent event, @Nullable ListDocument before) {
        Map<String, String> names = new LinkedHashMap<>();
        switch (event) {
            case ListImported e -> names.put("slug", e.slug());
            case LinkAdded e -> {
                names.put("link", link(e.title(), e.url()));
                names.put("section", section(before, e.section()));
            }
            case LinkEdited e -> {
                Block old = before == null ? null : before.block(e.entry());
                if (old instanceof Entry entry) {
                    names.put("link", link(entry.title(), entry.url()));
                    if (!entry.title().equals(e.title())) {
                        names.put("title", e.title());
                    }
                    if (!entry.url().equals(e.url())) {
                        names.put("url", e.url());
                    }
                    if (!entry.description().equals(e.description())) {
                        names.put("description", "changed");
                    }
                } else {
                    names.put("link", link(e.title(), e.url()));
                }
            }
            case LinkRemoved e -> {
                names.put("link", entry(before, e.entry()));
                names.put("section", section(before, owner(before, e.entry())));
            }
            case LinkMoved e -> {
                names.put("link", entry(before, e.entry()));
                names.put("from", section(before, e.fromSection()));
                names.put("to", section(before, e.section()));
            }
            case SectionAdded e -> {
                names.put("title", e.title());
                if (e.parent() != null) {
                    names.put("parent", section(before, e.parent()));
                }
            }
            case SectionRenamed e -> {
                names.put("section", section(before, e.section()));
                names.put("title", e.title());
            }
            case SectionMoved e -> {
                names.put("section", section(before, e.section()));
                if (e.parent() != null) {
                    names.put("parent", section(before, e.parent()));
                }
            }
            case SectionRemoved e -> {
                names.put("section", section(before, e.section()));
                names.put("entries", Integer.toString(e.entries().size()));
            }
            case TextAdded e -> names.put("section", section(before, e.section()));
            case TextEdited e -> names.put("section", section(before, owner(before, e.block())));
            case TextRemoved e -> names.put("section", section(before, owner(before, e.block())));
            case VersionReverted e -> {
                names.put("version", Long.toString(e.reverted()));
                if (e.through() != null && e.through() != e.reverted()) {
                    names.put("through", Long.toString(e.through()));
                }
                if (e.rollbackOf() != null) {
                    names.put("actor", e.rollbackOf());
                }
            }
            case ContentRestored e -> {
                DocumentNode root = e.root();
                switch (root.kind()) {
                    case ENTRY -> names.put("link", link(Objects.requireNonNull(root.title()), Objects.requireNonNull(root.url())));
                    case SECTION -> {
                        names.put("title", Objects.requireNonNull(root.title()));
                        names.put("entries", Long.toString(e.nodes().stream()
                                .filter(n -> n.kind() == DocumentNode.Kind.ENTRY).count()));
                    }
                    case TEXT -> names.put("text", "text");
                }
                names.put("section", e.parent() == null ? (root.kind() == DocumentNode.Kind.SECTION ? "the top level"
                        : "the preamble") : section(before, e.parent()));
            }
            case ProposalSubmitted e -> names.put("edits", Integer.toString(e.edits().size()));
            case ProposalWithdrawn e -> names.put("proposal", e.proposal());
            case ProposalRejected e -> {
                names.put("proposal", e.proposal());
                names.put("reason", e.reason());
            }
            case ListContentImported e -> {
                return null;
            }
            case ChangeSetApplied e -> {
                return null;
            }
            case ProposalApproved e -> {
                return null;
            }
            case LintProfileChanged e -> names.put("rules", Long.toString(e.rules().values().stream()
                    .filter(severity -> !severity.equals("off")).count()));
            case ProposalCommented e -> {
                names.put("proposal", e.proposal());
                names.put("comment", e.comment());
            }
            case ProposalCommentResolved e -> {
                names.put("proposal", e.proposal());
                names.put("comment", e.comment());
            }
            case ProposalChangesRequested e -> {
                names.put("proposal", e.proposal());
                names.put("reason", e.reason());
            }
            case ProposalAmended e -> {
                names.put("proposal", e.proposal());
                names.put("revision", Integer.toString(e.revision()));
            }
            case ProposalApprovalRecorded e -> {
                names.put("proposal", e.proposal());
                names.put("approvals", e.approvals() + " of " + e.required());
            }
            case ReviewPolicyChanged e -> names.put("approvals", Integer.toString(e.requiredApprovals()));
            case WebhookSubscribed e -> names.put("webhook", e.webhook());
            case WebhookRemoved e -> names.put("webhook", e.webhook());
            case WebhookReEnabled e -> names.put("webhook", e.webhook());
            case MemberRoleSet e -> {
                names.put("member", e.member());
                names.put("role", e.role());
            }
            case MemberRemoved e -> names.put("member", e.member());
            case CommitImported e -> {
                names.put("commit", e.commit().shortId());
                names.put("subject", e.commit().subject());
            }
            case HistoryImported e -> {
                names.put("commit", e.commit().length() > 7 ? e.commit().substring(0, 7) : e.commit());
                names.put("version", Long.toString(e.version()));
            }
            case GitBridgeSet e -> {
                names.put("repository", e.repository());
                names.put("file", e.branch() + ":" + e.path());
                names.put("publish", e.publish() ? "on" : "off");
                names.put("pull", e.pull() ? "on" : "off");
            }
            case GitBridgeRemoved e -> names.put("by", e.by());
        }
        return new Change(EventEnvelope.typeName(event), names);
    }

    /** The sentence for a change, in today's words. */
    public static String sentence(Change change) {
        Map<String, String> n = change.names();
        return switch (change.type()) {
            case "ListImported" -> "imported the list as " + n.get("slug");
            case "LinkAdded" -> "added " + n.get("link") + " to " + n.get("section");
            case "LinkEdited" -> "edited " + n.get("link") + edits(n);
            case "LinkRemoved" -> "removed " + n.get("link") + " from " + n.get("section");
            case "LinkMoved" -> "moved " + n.get("link") + " from " + n.get("from") + " to " + n.get("to");
            case "SectionAdded" -> "added section " + n.get("title") + (n.containsKey("parent") ? " under " + n.get("parent") : "");
            case "SectionRenamed" -> "renamed section " + n.get("section") + " to " + n.get("title");
            case "SectionMoved" -> "moved section " + n.get("section")
                    + (n.containsKey("parent") ? " under " + n.get("parent") : " to the top level");
            case "SectionRemoved" -> "removed section " + n.get("section") + withEntries(n.get("entries"));
            case "TextAdded" -> "added text to " + n.get("section");
            case "TextEdited" -> "edited text in " + n.get("section");
            case "TextRemoved" -> "removed text from " + n.get("section");
            case "VersionReverted" -> n.containsKey("actor")
                    ? "rolled back " + n.get("actor") + "'s versions " + n.get("version") + "-" + n.getOrDefault("through", n.get("version"))
                    : n.containsKey("through") ? "reverted versions " + n.get("version") + "-" + n.get("through")
                    : "reverted version " + n.get("version");
            case "ContentRestored" -> n.containsKey("link") ? "restored " + n.get("link") + " to " + n.get("section")
                    : n.containsKey("title") ? "restored section " + n.get("title") + withEntries(n.get("entries"))
                    + ("the top level".equals(n.get("section")) ? "" : " under " + n.get("section"))
                    : "restored text in " + n.get("section");
            case "ProposalSubmitted" -> "proposed " + n.get("edits") + " edit" + ("1".equals(n.get("edits")) ? "" : "s");
            case "ProposalWithdrawn" -> "withdrew proposal " + n.get("proposal");
            case "ProposalRejected" -> "rejected proposal " + n.get("proposal") + ": " + n.get("reason");
            case "LintProfileChanged" -> "set the lint profile (" + n.get("rules") + " rules on)";
            case "ProposalCommented" -> "commented on proposal " + n.get("proposal");
            case "ProposalCommentResolved" -> "resolved comment " + n.get("comment") + " on proposal " + n.get("proposal");
            case "ProposalChangesRequested" -> "asked for changes to proposal " + n.get("proposal") + ": " + n.get("reason");
            case "ProposalAmended" -> "amended proposal " + n.get("proposal") + " (revision " + n.get("revision") + ")";
            case "ProposalApprovalRecorded" -> "approved proposal " + n.get("proposal") + " (" + n.get("approvals") + " approvals)";
            case "ReviewPolicyChanged" -> "set the review policy (" + n.get("approvals") + " approvals)";
            case "WebhookSubscribed" -> "subscribed webhook " + n.get("webhook");
            case "WebhookRemoved" -> "removed webhook " + n.get("webhook");
            case "WebhookReEnabled" -> "turned webhook " + n.get("webhook") + " on again";
            case "MemberRoleSet" -> "made " + n.get("member") + " " + ("owner".equals(n.get("role")) ? "an " : "a ")
                    + n.get("role") + " of the list";
            case "MemberRemoved" -> "removed " + n.get("member") + " from the list's members";
            case "CommitImported" -> "committed " + n.get("commit") + " in git"
                    + (n.getOrDefault("subject", "").isEmpty() ? "" : ": " + n.get("subject"));
            case "HistoryImported" -> "finished importing the git history up to " + n.get("commit") + " (version "
                    + n.get("version") + ")";
            case "GitBridgeSet" -> "connected the list to " + n.get("file") + " of " + n.get("repository") + " (publish "
                    + n.get("publish") + ", pull " + n.get("pull") + ")";
            case "GitBridgeRemoved" -> "disconnected the list from git";
            default -> "changed the list (" + change.type() + ")";
        };
    }

    private static String edits(Map<String, String> n) {
        StringBuilder out = new StringBuilder();
        if (n.containsKey("title")) {
            out.append(": title to ").append(n.get("title"));
        }
        if (n.containsKey("url")) {
            out.append(out.isEmpty() ? ": " : ", ").append("URL to ").append(n.get("url"));
        }
        if (n.containsKey("description")) {
            out.append(out.isEmpty() ? ": " : ", ").append("description");
        }
        return out.toString();
    }

    private static String withEntries(@Nullable String entries) {
        if (entries == null || entries.equals("0")) {
            return "";
        }
        return " with " + entries + (entries.equals("1") ? " entry" : " entries");
    }

    private static String link(String title, String url) {
        return "[" + title + "](" + url + ")";
    }

    private static String entry(@Nullable ListDocument document, String id) {
        return document != null && document.block(id) instanceof Entry e ? link(e.title(), e.url()) : id;
    }

    private static @Nullable String owner(@Nullable ListDocument document, String blockId) {
        return document == null || document.block(blockId) == null ? null : document.parentOfBlock(blockId).wireId();
    }

    private static String section(@Nullable ListDocument document, @Nullable String id) {
        if (id == null) {
            return "the top of the list";
        }
        Section section = document == null ? null : document.section(id);
        return section == null ? id : section.title();
    }
}
