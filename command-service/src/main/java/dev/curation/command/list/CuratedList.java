package dev.curation.command.list;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.edit.Revert;
import dev.curation.core.input.InputException;
import org.jspecify.annotations.Nullable;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.RollbackOutcome;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.MemberRemoved;
import dev.curation.core.list.MemberRoleSet;
import dev.curation.core.list.Members;
import dev.curation.core.list.ChangeSetRules;
import dev.curation.core.list.ImportList;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.ApprovalOutcome;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.list.LintFixes;
import dev.curation.core.list.LintGate;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.Proposal;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ReviewPolicyChanged;
import dev.curation.core.list.ReviewPolicy;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalCommentResolved;
import dev.curation.core.list.ProposalChangesRequested;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.core.list.VersionReverted;
import dev.curation.core.list.Webhooks;
import dev.curation.core.list.WebhookReEnabled;
import dev.curation.core.list.WebhookRemoved;
import dev.curation.core.list.WebhookSubscribed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A curated list, event-sourced. Its state is the document folded from its events with the
 * shared {@link ListFold}, the version that last changed each item (for rebasing), and its
 * proposals. Each accepted change is one new list version. Commands reach it by their list id
 * ({@link ListCommandTargets}); the rules it applies live in curation-core.
 */
@Aggregate(cache = "curatedListCache", commandTargetResolver = ListCommandTargets.BEAN)
class CuratedList {

    @AggregateIdentifier
    private String listId;
    private String slug;
    private long version;
    private long lastId;
    private ListDocument document;
    private final Map<String, Long> lastChanged = new HashMap<>();
    private final Map<String, Proposal> proposals = new HashMap<>();
    private LintProfile lintProfile = LintProfile.defaults();
    private ReviewPolicy reviewPolicy = ReviewPolicy.defaults();
    private final java.util.Set<String> webhooks = new java.util.LinkedHashSet<>();
    private Members members = Members.none();
    /** Who wrote each version after the import (a proposal's author for its approval), for rollbacks. */
    private final Map<Long, @Nullable String> authors = new HashMap<>();

    protected CuratedList() {
        // for event sourcing
    }

    @CommandHandler
    CuratedList(ImportList command, SlugRegistry slugs, InputLimits limits) {
        // read (and refused, if too large) before the slug is claimed in this transaction
        List<ListEvent> events = ImportEvents.of(command, limits);
        slugs.claim(command.slug(), command.listId());
        applyAll(events, 1);
    }

    /** Applies a curator's change set as one new version; returns it with the warnings it added. */
    @CommandHandler
    ChangeAccepted applyChangeSet(ListCommand.ApplyChangeSet command, @MetaDataValue(EventMetadata.ACTOR) String curator,
                                  @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "edit the list");
        ChangeSetRules.expectVersion(command.expectedVersion(), version);
        long base = ChangeSetRules.base(command.baseVersion(), version);
        List<Edit> edits = ChangeSetRules.edits(command.edits());
        List<ListEvent> events = new ArrayList<>();
        events.add(new ChangeSetApplied(listId, version + 1, base, ChangeSetRules.rationale(command.rationale())));
        events.addAll(decide(edits, base));
        LintGate.check(document, events, lintProfile);
        LintGate.Warnings warnings = LintGate.warnings(document, events, lintProfile);
        applyAll(events, version + 1);
        return new ChangeAccepted(version, warnings.addedIn(document));
    }

    /** Sets the lint profile changes and proposals are checked against; the content and version stay. */
    @CommandHandler
    void changeLintProfile(ListCommand.ChangeLintProfile command, @MetaDataValue(EventMetadata.ACTOR) String curator,
                           @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "set the lint profile");
        LintProfile profile = LintProfile.withChanges(command.rules(), command.sameUrlInSections());
        applyAll(List.of(new LintProfileChanged(listId, profile.toWire(), profile.sameUrlInSections(), curator)), version);
    }

    /** Records a proposal; returns the lint warnings approving it now would add. */
    @CommandHandler
    List<LintProblem> submit(ListCommand.SubmitProposal command, @MetaDataValue(EventMetadata.ACTOR) String author,
                             @MetaDataValue(EventMetadata.ROLES) @Nullable String roles, ListVersions history) {
        require(author, roles, ListRole.CONTRIBUTOR, "propose a change");
        long base = ChangeSetRules.base(command.baseVersion(), version);
        // checked now against the current list, so a proposal that cannot apply (or adds a lint error) is refused at once
        List<LintProblem> added = checkProposed(command.edits(), history);
        // whether the author curates this list: what a review policy that counts curator authors reads
        ListRole authorRole = members.roleOf(author, EventMetadata.roles(roles));
        boolean byCurator = authorRole != null && authorRole.atLeast(ListRole.CURATOR);
        applyAll(List.of(new ProposalSubmitted(listId, command.proposal(), base,
                ChangeSetRules.rationale(command.rationale()), command.edits(), author, byCurator)), version);
        return added;
    }

    /** Lint warnings the change would add; refuses with 422 if it would add an error. */
    private List<LintProblem> checkProposed(List<EditSpec> specs, ListVersions history) {
        ChangeSetRules.RevertRange revert = ChangeSetRules.revertOf(specs);
        List<ListEvent> events = revert != null ? undoEvents(revert, history)
                : ListEditor.decide(listId, document, new IdSequence(lastId), ChangeSetRules.edits(specs),
                lintProfile.sameUrlInSections());
        LintGate.check(document, events, lintProfile);
        LintGate.Warnings warnings = LintGate.warnings(document, events, lintProfile);
        if (warnings.items().isEmpty()) {
            return List.of();
        }
        ListDocument after = document.copy();
        for (ListEvent event : events) {
            after = ListFold.apply(after, event);
        }
        return warnings.addedIn(after);
    }

    /** The author's next revision of an open proposal, against a base of their choice; returns its lint warnings. */
    @CommandHandler
    List<LintProblem> amend(ListCommand.AmendProposal command, @MetaDataValue(EventMetadata.ACTOR) String author,
                            @MetaDataValue(EventMetadata.ROLES) @Nullable String roles, ListVersions history) {
        require(author, roles, ListRole.CONTRIBUTOR, "amend a proposal");
        Proposal proposal = proposal(command.proposal());
        proposal.checkAmendmentBy(author);
        long base = ChangeSetRules.base(command.baseVersion(), version);
        List<LintProblem> warnings = checkProposed(command.edits(), history);
        applyAll(List.of(new ProposalAmended(listId, proposal.id(), proposal.revision() + 1, base,
                ChangeSetRules.rationale(command.rationale()), command.edits(), author)), version);
        return warnings;
    }

    @CommandHandler
    void comment(ListCommand.CommentOnProposal command, @MetaDataValue(EventMetadata.ACTOR) String author, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(author, roles, ListRole.CONTRIBUTOR, "comment on a proposal");
        Proposal proposal = proposal(command.proposal());
        proposal.checkComment(command.edit(), command.replyTo());
        if (proposal.comments().containsKey(command.comment())) {
            throw new ListRuleException.IllegalTransition(proposal.id(), "commented with " + command.comment(), "given it again");
        }
        applyAll(List.of(new ProposalCommented(listId, proposal.id(), command.comment(), proposal.revision(), command.edit(),
                command.replyTo(), java.util.Objects.requireNonNull(command.text()).strip(), author)), version);
    }

    @CommandHandler
    void resolve(ListCommand.ResolveComment command, @MetaDataValue(EventMetadata.ACTOR) String curator, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "resolve a comment");
        Proposal proposal = proposal(command.proposal());
        proposal.checkResolution(command.comment());
        applyAll(List.of(new ProposalCommentResolved(listId, proposal.id(), command.comment(), curator)), version);
    }

    @CommandHandler
    void requestChanges(ListCommand.RequestChanges command, @MetaDataValue(EventMetadata.ACTOR) String curator, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "request changes to a proposal");
        Proposal proposal = proposal(command.proposal());
        proposal.checkChangesRequestBy(curator);
        String reason = ChangeSetRules.reason(command.reason());
        applyAll(List.of(new ProposalChangesRequested(listId, proposal.id(), proposal.revision(), reason, curator)), version);
    }

    @CommandHandler
    void subscribeWebhook(ListCommand.SubscribeWebhook command, @MetaDataValue(EventMetadata.ACTOR) String curator, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "subscribe a webhook");
        String url = Webhooks.url(command.url());
        List<String> kinds = Webhooks.kinds(command.kinds());
        if (webhooks.size() >= Webhooks.MAX_PER_LIST) {
            throw new dev.curation.core.input.InputException.Invalid("url", "a list has at most " + Webhooks.MAX_PER_LIST
                    + " webhooks; remove one first");
        }
        applyAll(List.of(new WebhookSubscribed(listId, command.webhook(), url, kinds, command.secretFingerprint(), curator)),
                version);
    }

    @CommandHandler
    void removeWebhook(ListCommand.RemoveWebhook command, @MetaDataValue(EventMetadata.ACTOR) String curator, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "remove a webhook");
        requireWebhook(command.webhook());
        applyAll(List.of(new WebhookRemoved(listId, command.webhook(), curator)), version);
    }

    @CommandHandler
    void reEnableWebhook(ListCommand.ReEnableWebhook command, @MetaDataValue(EventMetadata.ACTOR) String curator, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "turn a webhook on");
        requireWebhook(command.webhook());
        applyAll(List.of(new WebhookReEnabled(listId, command.webhook(), curator)), version);
    }

    /** A read or side effect of the list's curators or owners, decided by the list's members; stores nothing. */
    @CommandHandler
    void checkRole(ListCommand.CheckRole command, @MetaDataValue(EventMetadata.ACTOR) String actor,
                   @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(actor, roles, command.needed(), command.action());
    }

    private void requireWebhook(String webhook) {
        if (!webhooks.contains(webhook)) {
            throw new ListRuleException.NoSuchWebhook(webhook);
        }
    }

    @CommandHandler
    void changeReviewPolicy(ListCommand.ChangeReviewPolicy command, @MetaDataValue(EventMetadata.ACTOR) String curator,
                            @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "set the review policy");
        ReviewPolicy policy = ReviewPolicy.of(command.requiredApprovals(), command.authorCounts(), command.dismissOnAmend());
        applyAll(List.of(new ReviewPolicyChanged(listId, policy.requiredApprovals(), policy.authorCounts(),
                policy.dismissOnAmend(), curator)), version);
    }

    /**
     * Proposes the fixes of the list's lint problems of the fixable rules, authored by the curator
     * who asked (so another curator approves, as for any proposal); returns its warnings.
     *
     * @throws ListRuleException.NothingToFix when the list has no such problem
     */
    @CommandHandler
    List<LintProblem> proposeLintFixes(ListCommand.ProposeLintFixes command, @MetaDataValue(EventMetadata.ACTOR) String curator,
                                       @MetaDataValue(EventMetadata.ROLES) @Nullable String roles, ListVersions history) {
        require(curator, roles, ListRole.CURATOR, "propose lint fixes");
        LintFixes.Fixes fixes = LintFixes.of(document, lintProfile, command.rules());
        if (fixes.edits().isEmpty()) {
            throw new ListRuleException.NothingToFix(command.rules());
        }
        return submit(new ListCommand.SubmitProposal(listId, command.proposal(), version, fixes.rationale(), fixes.edits()), curator,
                roles, history);
    }

    @CommandHandler
    void withdraw(ListCommand.WithdrawProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(actor, roles, ListRole.CONTRIBUTOR, "withdraw a proposal");
        proposal(command.proposal()).checkWithdrawalBy(actor);
        applyAll(List.of(new ProposalWithdrawn(listId, command.proposal(), actor)), version);
    }

    @CommandHandler
    void reject(ListCommand.RejectProposal command, @MetaDataValue(EventMetadata.ACTOR) String curator, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        require(curator, roles, ListRole.CURATOR, "reject a proposal");
        proposal(command.proposal()).checkRejection();
        String reason = ChangeSetRules.reason(command.reason());
        applyAll(List.of(new ProposalRejected(listId, command.proposal(), curator, reason)), version);
    }

    /**
     * Records a curator's approval of the latest revision; when the review policy has all the
     * approvals it wants, applies the proposal's edits as one new version (rebased onto the current
     * one). Returns the new version, or how many approvals there are of how many.
     */
    @CommandHandler
    ApprovalOutcome approve(ListCommand.ApproveProposal command, @MetaDataValue(EventMetadata.ACTOR) String curator,
                            @MetaDataValue(EventMetadata.ROLES) @Nullable String roles, ListVersions history) {
        require(curator, roles, ListRole.CURATOR, "approve a proposal");
        Proposal proposal = proposal(command.proposal());
        proposal.checkApprovalBy(curator, command.revision(), reviewPolicy);
        ChangeSetRules.expectVersion(command.expectedVersion(), version);
        int approvals = proposal.approvalsWith(curator, reviewPolicy);
        if (approvals < reviewPolicy.requiredApprovals()) {
            applyAll(List.of(new ProposalApprovalRecorded(listId, proposal.id(), proposal.revision(), curator, approvals,
                    reviewPolicy.requiredApprovals())), version);
            return new ApprovalOutcome(null, proposal.revision(), approvals, reviewPolicy.requiredApprovals());
        }
        ChangeSetRules.RevertRange revert = ChangeSetRules.revertOf(proposal.edits());
        List<ListEvent> events = new ArrayList<>();
        events.add(new ProposalApproved(listId, proposal.id(), curator, version + 1, proposal.baseVersion(),
                proposal.rationale()));
        events.addAll(revert != null ? undoEvents(revert, history)
                : decide(ChangeSetRules.edits(proposal.edits()), proposal.baseVersion()));
        // the list may have changed since the proposal was checked
        LintGate.check(document, events, lintProfile);
        applyAll(events, version + 1);
        return new ApprovalOutcome(version, proposal.revision(), approvals, reviewPolicy.requiredApprovals());
    }

    /**
     * Undoes an earlier version, or a range of versions, as one new version (curation-core's
     * {@link Revert}: removed content comes back with its ids and bytes); returns it.
     */
    @CommandHandler
    long revert(ListCommand.RevertVersion command, @MetaDataValue(EventMetadata.ACTOR) String curator, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles,
                ListVersions history) {
        require(curator, roles, ListRole.CURATOR, "revert versions");
        long reverted = ChangeSetRules.revertedVersion(command.version());
        long through = ChangeSetRules.revertible(reverted, command.through(), version);
        return undo(reverted, through, command.through(), null, curator, history);
    }

    /**
     * Undoes the latest run of consecutive versions written by one person (a proposal's versions
     * are its author's) as one new version; refused when someone else changed the same items since.
     */
    @CommandHandler
    RollbackOutcome rollBack(ListCommand.RollBack command, @MetaDataValue(EventMetadata.ACTOR) String curator, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles,
                             ListVersions history) {
        require(curator, roles, ListRole.CURATOR, "roll back versions");
        String actor = ChangeSetRules.rollbackActor(command.actor());
        long through = 0;
        for (long v = version; v >= 2 && through == 0; v--) {
            if (actor.equals(authors.get(v))) {
                through = v;
            }
        }
        if (through == 0) {
            throw new ListRuleException.NothingToRollBack(actor);
        }
        long from = through;
        while (from > 2 && actor.equals(authors.get(from - 1))) {
            from--;
        }
        return new RollbackOutcome(undo(from, through, through, actor, curator, history), from, through);
    }

    private long undo(long from, long through, @Nullable Long recordedThrough, @Nullable String rollbackOf, String curator,
                      ListVersions history) {
        List<ListEvent> events = new ArrayList<>();
        events.add(new VersionReverted(listId, version + 1, from, recordedThrough, rollbackOf, curator));
        events.addAll(undoEvents(from, through, history));
        applyAll(events, version + 1);
        return version;
    }

    /** The events that would undo a proposal's revert now. */
    private List<ListEvent> undoEvents(ChangeSetRules.RevertRange revert, ListVersions history) {
        long through = ChangeSetRules.revertible(revert.version(), revert.through(), version);
        return undoEvents(revert.version(), through, history);
    }

    private List<ListEvent> undoEvents(long from, long through, ListVersions history) {
        ListVersions.PastVersions past = history.of(listId, from, through);
        if (past.versions().isEmpty()) {
            throw new InputException.Invalid("version", "this list has no version " + from);
        }
        return Revert.undo(listId, past.before(), past.versions(), document, version, lastChanged,
                lintProfile.sameUrlInSections());
    }

    /** An owner gives someone a role on the list, or changes it. */
    @CommandHandler
    void setMemberRole(ListCommand.SetMemberRole command, @MetaDataValue(EventMetadata.ACTOR) String owner, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        String member = ChangeSetRules.memberName(command.member());
        ListRole role = ChangeSetRules.listRole(command.role());
        members.checkChange(owner, EventMetadata.roles(roles), member, role);
        if (role == members.roles().get(member)) {
            return; // already so: nothing to record
        }
        applyAll(List.of(new MemberRoleSet(listId, member, role.wire(), owner)), version);
    }

    /** An owner takes someone's role on the list away. */
    @CommandHandler
    void removeMember(ListCommand.RemoveMember command, @MetaDataValue(EventMetadata.ACTOR) String owner, @MetaDataValue(EventMetadata.ROLES) @Nullable String roles) {
        String member = ChangeSetRules.memberName(command.member());
        members.checkChange(owner, EventMetadata.roles(roles), member, null);
        if (!members.roles().containsKey(member)) {
            throw new ListRuleException.NoSuchMember(member);
        }
        applyAll(List.of(new MemberRemoved(listId, member, owner)), version);
    }

    private void require(String actor, @Nullable String roles, ListRole needed, String action) {
        members.require(actor, EventMetadata.roles(roles), needed, action);
    }

    private List<ListEvent> decide(List<Edit> edits, long base) {
        List<String> clashes = ListEditor.clashes(edits, lastChanged, base);
        if (!clashes.isEmpty()) {
            throw new EditException.Clash(clashes, base, version);
        }
        return ListEditor.decide(listId, document, new IdSequence(lastId), edits, lintProfile.sameUrlInSections());
    }

    private Proposal proposal(String id) {
        Proposal proposal = proposals.get(id);
        if (proposal == null) {
            throw new ListRuleException.NoSuchProposal(id);
        }
        return proposal;
    }

    /** Applies the events of one command; the last is marked as ending it (and completing its version). */
    private static void applyAll(List<ListEvent> events, long version) {
        for (int i = 0; i < events.size(); i++) {
            apply(events.get(i), MetaData.with(EventMetadata.VERSION, version)
                    .and(EventMetadata.END_OF_VERSION, i == events.size() - 1));
        }
    }

    /** The version comes from stored metadata, where JSON may have made it an Integer. */
    @EventSourcingHandler
    void on(ListEvent event, @MetaDataValue(EventMetadata.VERSION) Number storedVersion,
            @MetaDataValue(EventMetadata.ACTOR) @Nullable String actor) {
        long eventVersion = storedVersion.longValue();
        switch (event) {
            case ChangeSetApplied e -> authors.put(eventVersion, actor);
            case VersionReverted e -> authors.put(eventVersion, actor);
            case ProposalApproved p -> {
                Proposal approved = proposals.get(p.proposal());
                authors.put(eventVersion, approved == null ? actor : approved.author());
                proposals.computeIfPresent(p.proposal(), (k, v) -> v.with(Proposal.Status.APPROVED));
            }
            case ListImported imported -> {
                members = Members.createdBy(actor);
                listId = imported.listId();
                slug = imported.slug();
                lastId = imported.lastId();
            }
            case ListContentImported content -> content.nodes().forEach(n -> lastChanged.put(n.id(), eventVersion));
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
            case MemberRoleSet m -> members = members.with(m);
            case MemberRemoved m -> members = members.without(m);
            case WebhookRemoved w -> webhooks.remove(w.webhook());
            case LintProfileChanged p -> lintProfile = LintProfile.fromWire(p.rules(), p.sameUrlInSections());
            default -> ListEvents.changedItems(event).forEach(id -> {
                lastChanged.put(id, eventVersion);
                lastId = Math.max(lastId, IdSequence.numberOf(id));
            });
        }
        version = eventVersion;
        document = ListFold.apply(document, event);
    }

    String slug() {
        return slug;
    }

    long version() {
        return version;
    }

    long lastId() {
        return lastId;
    }

    ListDocument document() {
        return document;
    }

    LintProfile lintProfile() {
        return lintProfile;
    }

    Map<String, Proposal> proposals() {
        return proposals;
    }
}
