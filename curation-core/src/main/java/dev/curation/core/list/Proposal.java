package dev.curation.core.list;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A change set someone proposed, and where its review stands: its latest revision (the one an
 * approval applies), the curators who approved which revision, and its comments (resolved or not).
 * An open proposal (submitted, or changes requested) can be commented on, withdrawn by its author,
 * amended by its author, or rejected; a submitted one can be sent back (changes requested) or
 * approved by a curator other than its author. Every other transition is refused.
 */
public record Proposal(String id, String author, boolean byCurator, int revision, long baseVersion,
                       @Nullable String rationale, List<EditSpec> edits, Status status, Map<String, Integer> approvals,
                       Map<String, Boolean> comments) {

    public enum Status { SUBMITTED, CHANGES_REQUESTED, WITHDRAWN, REJECTED, APPROVED }

    public Proposal {
        edits = List.copyOf(edits);
        approvals = Map.copyOf(approvals);
        comments = Map.copyOf(comments);
    }

    public static Proposal submitted(ProposalSubmitted event) {
        return new Proposal(event.proposal(), event.author(), Boolean.TRUE.equals(event.byCurator()), 1, event.baseVersion(),
                event.rationale(), event.edits(), Status.SUBMITTED, Map.of(), Map.of());
    }

    public Proposal with(Status next) {
        return new Proposal(id, author, byCurator, revision, baseVersion, rationale, edits, next, approvals, comments);
    }

    /** The next revision; the approvals of earlier ones go when the policy dismisses them. */
    public Proposal amended(ProposalAmended event, ReviewPolicy policy) {
        return new Proposal(id, author, byCurator, event.revision(), event.baseVersion(), event.rationale(), event.edits(),
                Status.SUBMITTED, policy.dismissOnAmend() ? Map.of() : approvals, comments);
    }

    public Proposal approvedBy(String curator, int approvedRevision) {
        Map<String, Integer> next = new HashMap<>(approvals);
        next.put(curator, approvedRevision);
        return new Proposal(id, author, byCurator, revision, baseVersion, rationale, edits, status, next, comments);
    }

    public Proposal commented(String comment, boolean resolved) {
        Map<String, Boolean> next = new HashMap<>(comments);
        next.put(comment, resolved);
        return new Proposal(id, author, byCurator, revision, baseVersion, rationale, edits, status, approvals, next);
    }

    /** The approvals that count under {@code policy}, with the one of {@code curator} about to be given. */
    public int approvalsWith(String curator, ReviewPolicy policy) {
        return approvedBy(curator, revision).approvals(policy);
    }

    /**
     * The approvals that count under {@code policy} now: the curators' of the latest revision (of
     * any revision, unless the policy dismisses them on amendment), and the author's if the policy
     * counts a curator author.
     */
    public int approvals(ReviewPolicy policy) {
        long curators = approvals.values().stream().filter(r -> !policy.dismissOnAmend() || r == revision).count();
        return (int) curators + (policy.authorCounts() && byCurator ? 1 : 0);
    }

    /** Refuses unless {@code actor} may withdraw it now. */
    public void checkWithdrawalBy(String actor) {
        stillOpen("withdrawn");
        if (!author.equals(actor)) {
            throw new ListRuleException.NotAllowed("only its author " + author + " can withdraw proposal " + id);
        }
    }

    /** Refuses unless it can be rejected now. */
    public void checkRejection() {
        stillOpen("rejected");
    }

    /** Refuses unless {@code actor} may amend it now: its author, while it is open. */
    public void checkAmendmentBy(String actor) {
        stillOpen("amended");
        if (!author.equals(actor)) {
            throw new ListRuleException.NotAllowed("only its author " + author + " can amend proposal " + id);
        }
    }

    /** Refuses unless {@code curator} may send it back now: a submitted proposal, not their own. */
    public void checkChangesRequestBy(String curator) {
        stillSubmitted("sent back for changes");
        if (author.equals(curator)) {
            throw new ListRuleException.NotAllowed("nobody reviews their own proposal; another curator must review " + id);
        }
    }

    /**
     * Refuses unless {@code curator} may approve it now: a submitted proposal, not their own, its
     * latest revision (when {@code approvedRevision} is given), not approved by them already.
     */
    public void checkApprovalBy(String curator, @Nullable Integer approvedRevision, ReviewPolicy policy) {
        stillSubmitted("approved");
        if (author.equals(curator)) {
            throw new ListRuleException.NotAllowed("nobody approves their own proposal; another curator must approve " + id);
        }
        if (approvedRevision != null && approvedRevision != revision) {
            throw new ListRuleException.StaleRevision(id, approvedRevision, revision);
        }
        Integer earlier = approvals.get(curator);
        if (earlier != null && (earlier == revision || !policy.dismissOnAmend())) {
            throw new ListRuleException.IllegalTransition(id, "approved by " + curator + " already", "approved again by them");
        }
    }

    /** Refuses a comment unless it is open, its edit is one of the current revision's and its reply names a comment. */
    public void checkComment(@Nullable Integer edit, @Nullable String replyTo) {
        stillOpen("commented on");
        if (edit != null && (edit < 0 || edit >= edits.size())) {
            throw new InputException.Invalid("edit", "proposal " + id + " revision " + revision + " has edits 0 to "
                    + (edits.size() - 1) + ", not " + edit);
        }
        if (replyTo != null && !comments.containsKey(replyTo)) {
            throw new InputException.Invalid("replyTo", "proposal " + id + " has no comment " + replyTo);
        }
    }

    /** Refuses unless {@code comment} exists and is not resolved yet. */
    public void checkResolution(String comment) {
        Boolean resolved = comments.get(comment);
        if (resolved == null) {
            throw new ListRuleException.NoSuchComment(id, comment);
        }
        if (resolved) {
            throw new ListRuleException.IllegalTransition(id, "comment " + comment + " resolved", "resolved again");
        }
    }

    public boolean open() {
        return status == Status.SUBMITTED || status == Status.CHANGES_REQUESTED;
    }

    private void stillOpen(String action) {
        if (!open()) {
            throw new ListRuleException.IllegalTransition(id, wire(status), action);
        }
    }

    private void stillSubmitted(String action) {
        if (status != Status.SUBMITTED) {
            throw new ListRuleException.IllegalTransition(id, wire(status), action);
        }
    }

    public static String wire(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The status of a wire name ({@link #wire(Status)}). */
    public static Status status(String wire) {
        return Status.valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
