package dev.curation.core.list;

import dev.curation.core.edit.EditSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change set a contributor submitted for review, and where its review stands. Only a submitted
 * proposal can be withdrawn (by its author), rejected or approved (by a curator other than its
 * author); every other transition is refused.
 */
public record Proposal(String id, String author, long baseVersion, @Nullable String rationale, List<EditSpec> edits,
                       Status status) {

    public enum Status { SUBMITTED, WITHDRAWN, REJECTED, APPROVED }

    public Proposal {
        edits = List.copyOf(edits);
    }

    public static Proposal submitted(ProposalSubmitted event) {
        return new Proposal(event.proposal(), event.author(), event.baseVersion(), event.rationale(), event.edits(),
                Status.SUBMITTED);
    }

    public Proposal with(Status next) {
        return new Proposal(id, author, baseVersion, rationale, edits, next);
    }

    /** Refuses unless {@code actor} may withdraw it now. */
    public void checkWithdrawalBy(String actor) {
        stillSubmitted("withdrawn");
        if (!author.equals(actor)) {
            throw new ListRuleException.NotAllowed("only its author " + author + " can withdraw proposal " + id);
        }
    }

    /** Refuses unless it can be rejected now. */
    public void checkRejection() {
        stillSubmitted("rejected");
    }

    /** Refuses unless {@code curator} may approve it now: nobody approves their own proposal. */
    public void checkApprovalBy(String curator) {
        stillSubmitted("approved");
        if (author.equals(curator)) {
            throw new ListRuleException.NotAllowed("nobody approves their own proposal; another curator must approve " + id);
        }
    }

    private void stillSubmitted(String action) {
        if (status != Status.SUBMITTED) {
            throw new ListRuleException.IllegalTransition(id, status.name().toLowerCase(java.util.Locale.ROOT), action);
        }
    }
}
