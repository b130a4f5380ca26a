package dev.curation.core.decider;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.GitBridgeRemoved;
import dev.curation.core.list.GitBridgeSet;
import dev.curation.core.list.GitSource;
import dev.curation.core.list.HistoryImported;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.MemberRemoved;
import dev.curation.core.list.MemberRoleSet;
import dev.curation.core.list.Members;
import dev.curation.core.list.Proposal;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalChangesRequested;
import dev.curation.core.list.ProposalCommentResolved;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.core.list.ReviewPolicy;
import dev.curation.core.list.ReviewPolicyChanged;
import dev.curation.core.list.VersionReverted;
import dev.curation.core.list.WebhookRemoved;
import dev.curation.core.list.WebhookSubscribed;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A list as its rules see it, folded from its events: the document (with the shared
 * {@link ListFold}), its version, the version that last changed each item (for rebasing), its
 * proposals, members, review policy, lint profile and webhooks, and who wrote each version (for
 * rollbacks).
 *
 * <p>{@link #evolve} changes this state in place and returns it: a list's document can hold
 * hundreds of thousands of lines, and copying it for every event would cost more than deciding.
 * A state belongs to one list at a time (the aggregate, or one fold on the read side); a decision
 * never changes it (it reads, and folds copies where it needs the list after a change).
 */
public final class ListState {

    private String listId = "";
    private String slug = "";
    private long version;
    private long lastId;
    private @Nullable ListDocument document;
    private final Map<String, Long> lastChanged = new HashMap<>();
    private final Map<String, Proposal> proposals = new HashMap<>();
    private LintProfile lintProfile = LintProfile.defaults();
    private ReviewPolicy reviewPolicy = ReviewPolicy.defaults();
    private final Set<String> webhooks = new LinkedHashSet<>();
    private Members members = Members.none();
    private final Map<Long, @Nullable String> authors = new HashMap<>();
    private final Map<String, Long> commits = new HashMap<>();
    private @Nullable GitSource importing;
    private @Nullable GitBridgeSet bridge;

    /** A list before its first event. */
    public static ListState initial() {
        return new ListState();
    }

    /**
     * Folds one event of {@code version}, caused by {@code actor} (from the event's metadata: the
     * importer becomes the first owner, and each version's author is kept for rollbacks).
     */
    public ListState evolve(ListEvent event, long version, @Nullable String actor) {
        switch (event) {
            case ChangeSetApplied e -> authors.put(version, actor);
            case VersionReverted e -> authors.put(version, actor);
            case ProposalApproved p -> {
                Proposal approved = proposals.get(p.proposal());
                authors.put(version, approved == null ? actor : approved.author());
                proposals.computeIfPresent(p.proposal(), (k, v) -> v.with(Proposal.Status.APPROVED));
            }
            case ListImported imported -> {
                members = Members.createdBy(actor);
                listId = imported.listId();
                slug = imported.slug();
                lastId = imported.lastId();
                importing = imported.git();
                if (imported.commit() != null) {
                    commits.put(imported.commit().id(), version);
                    authors.put(version, imported.commit().author().display());
                }
            }
            case CommitImported c -> {
                commits.put(c.commit().id(), version);
                authors.put(version, c.commit().author().display());
                ListEvents.changedItems(c).forEach(id -> lastChanged.put(id, version));
                lastId = Math.max(lastId, c.lastId());
            }
            case HistoryImported h -> importing = null;
            case GitBridgeSet b -> bridge = b;
            case GitBridgeRemoved b -> bridge = null;
            case ListContentImported content -> content.nodes().forEach(n -> lastChanged.put(n.id(), version));
            case ProposalSubmitted p -> proposals.put(p.proposal(), Proposal.submitted(p));
            case ProposalWithdrawn p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.with(Proposal.Status.WITHDRAWN));
            case ProposalRejected p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.with(Proposal.Status.REJECTED));
            case ProposalAmended p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.amended(p, reviewPolicy));
            case ProposalChangesRequested p -> proposals.computeIfPresent(p.proposal(),
                    (k, v) -> v.with(Proposal.Status.CHANGES_REQUESTED));
            case ProposalApprovalRecorded p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.approvedBy(p.by(), p.revision()));
            case ProposalCommented p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.commented(p.comment(), false));
            case ProposalCommentResolved p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.commented(p.comment(), true));
            case ReviewPolicyChanged p -> reviewPolicy = ReviewPolicy.of(p);
            case WebhookSubscribed w -> webhooks.add(w.webhook());
            case WebhookRemoved w -> webhooks.remove(w.webhook());
            case MemberRoleSet m -> members = members.with(m);
            case MemberRemoved m -> members = members.without(m);
            case LintProfileChanged p -> lintProfile = LintProfile.fromWire(p.rules(), p.sameUrlInSections());
            default -> ListEvents.changedItems(event).forEach(id -> {
                lastChanged.put(id, version);
                lastId = Math.max(lastId, IdSequence.numberOf(id));
            });
        }
        this.version = version;
        document = ListFold.apply(document, event);
        return this;
    }

    public String listId() {
        return listId;
    }

    public String slug() {
        return slug;
    }

    public long version() {
        return version;
    }

    public long lastId() {
        return lastId;
    }

    /** The document; a list that has seen its import always has one. */
    public ListDocument document() {
        if (document == null) {
            throw new IllegalStateException("list " + listId + " has no document before its import");
        }
        return document;
    }

    public Map<String, Long> lastChanged() {
        return Collections.unmodifiableMap(lastChanged);
    }

    public Map<String, Proposal> proposals() {
        return Collections.unmodifiableMap(proposals);
    }

    public LintProfile lintProfile() {
        return lintProfile;
    }

    public ReviewPolicy reviewPolicy() {
        return reviewPolicy;
    }

    public Set<String> webhooks() {
        return Collections.unmodifiableSet(webhooks);
    }

    public Members members() {
        return members;
    }

    /** The version each imported or pulled git commit became, by commit id. */
    public Map<String, Long> commits() {
        return Collections.unmodifiableMap(commits);
    }

    /** The history being imported, while the import runs; null once complete or for a list not from git. */
    public @Nullable GitSource importing() {
        return importing;
    }

    /** The list's git bridge, if an owner set one. */
    public @Nullable GitBridgeSet bridge() {
        return bridge;
    }

    /** Who wrote {@code version} (a proposal's author for its approval); null for none known. */
    public @Nullable String authorOf(long version) {
        return authors.get(version);
    }
}
