package dev.curation.core.list;

import dev.curation.core.document.DocumentNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Facts about events that both sides need. */
public final class ListEvents {

    private ListEvents() {
    }

    /**
     * The events that share the list's version but make none of their own: proposals and their
     * review, and the list's settings. By type name, as they travel and are stored.
     */
    public static final Set<String> NO_VERSION = Set.of("ProposalSubmitted", "ProposalWithdrawn",
            "ProposalRejected", "LintProfileChanged", "ProposalCommented", "ProposalCommentResolved",
            "ProposalChangesRequested", "ProposalAmended", "ProposalApprovalRecorded", "ReviewPolicyChanged",
            "WebhookSubscribed", "WebhookRemoved", "WebhookReEnabled", "MemberRoleSet", "MemberRemoved",
            "HistoryImported", "GitBridgeSet", "GitBridgeRemoved");

    public static boolean makesNoVersion(ListEvent event) {
        return NO_VERSION.contains(EventEnvelope.typeName(event));
    }

    /** The ids of the items an event creates, changes or removes (for rebase checks, history and blame). */
    public static List<String> changedItems(ListEvent event) {
        return switch (event) {
            case LinkAdded e -> List.of(e.entry());
            case LinkEdited e -> List.of(e.entry());
            case LinkRemoved e -> List.of(e.entry());
            case LinkMoved e -> List.of(e.entry());
            case SectionAdded e -> List.of(e.section());
            case SectionRenamed e -> List.of(e.section());
            case SectionMoved e -> {
                List<String> ids = new ArrayList<>(List.of(e.section()));
                e.headings().forEach(h -> {
                    if (!h.section().equals(e.section())) {
                        ids.add(h.section());
                    }
                });
                yield ids;
            }
            case SectionRemoved e -> {
                List<String> ids = new ArrayList<>(List.of(e.section()));
                ids.addAll(e.entries());
                yield ids;
            }
            case TextAdded e -> List.of(e.block());
            case ContentRestored e -> e.nodes().stream().map(DocumentNode::id).toList();
            case CommitImported e -> {
                List<String> ids = new ArrayList<>(e.removed());
                e.steps().forEach(step -> {
                    if (step.node() != null) {
                        ids.add(step.node().id());
                    }
                });
                yield ids;
            }
            case TextEdited e -> List.of(e.block());
            case TextRemoved e -> List.of(e.block());
            default -> List.of();
        };
    }
}
