package dev.curation.command.list;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImport;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.core.list.VersionReverted;
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
 * proposals. Each accepted change is one new list version.
 */
@Aggregate(cache = "curatedListCache")
class CuratedList {

    enum ProposalStatus { SUBMITTED, WITHDRAWN, REJECTED, APPROVED }

    record Proposal(String id, String author, long baseVersion, String rationale, List<EditSpec> edits,
                    ProposalStatus status) {
        Proposal with(ProposalStatus next) {
            return new Proposal(id, author, baseVersion, rationale, edits, next);
        }
    }

    @AggregateIdentifier
    private String listId;
    private String slug;
    private long version;
    private long lastId;
    private ListDocument document;
    private final Map<String, Long> lastChanged = new HashMap<>();
    private final Map<String, Proposal> proposals = new HashMap<>();

    protected CuratedList() {
        // for event sourcing
    }

    @CommandHandler
    CuratedList(ImportList command, SlugRegistry slugs, InputLimits limits) {
        // read (and refused, if too large) before the slug is claimed in this transaction
        List<ListEvent> events = ListImport.events(command, limits);
        slugs.claim(command.slug(), command.listId());
        applyAll(events, 1);
    }

    /** Applies a curator's change set as one new version; returns it. */
    long applyChangeSet(ListCommand.ApplyChangeSet command) {
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new ListRuleException.VersionMismatch(command.expectedVersion(), version);
        }
        long base = base(command.baseVersion());
        List<Edit> edits = edits(command.edits());
        List<ListEvent> events = new ArrayList<>();
        events.add(new ChangeSetApplied(listId, version + 1, base, rationale(command.rationale())));
        events.addAll(decide(edits, base));
        applyAll(events, version + 1);
        return version;
    }

    void submit(ListCommand.SubmitProposal command, String author) {
        long base = base(command.baseVersion());
        List<Edit> edits = edits(command.edits());
        // checked now against the current list, so a proposal that cannot apply is refused at once
        ListEditor.decide(listId, document, new IdSequence(lastId), edits);
        applyAll(List.of(new ProposalSubmitted(listId, command.proposal(), base, rationale(command.rationale()),
                command.edits(), author)), version);
    }

    void withdraw(ListCommand.WithdrawProposal command, String actor) {
        Proposal proposal = submitted(command.proposal(), "withdrawn");
        if (!proposal.author().equals(actor)) {
            throw new ListRuleException.NotAllowed("only its author " + proposal.author() + " can withdraw proposal "
                    + proposal.id());
        }
        applyAll(List.of(new ProposalWithdrawn(listId, proposal.id(), actor)), version);
    }

    void reject(ListCommand.RejectProposal command, String curator) {
        Proposal proposal = submitted(command.proposal(), "rejected");
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        if (reason == null) {
            throw new EditException.Invalid("reason", "a rejection needs a reason");
        }
        applyAll(List.of(new ProposalRejected(listId, proposal.id(), curator, reason)), version);
    }

    /** Applies the proposal's edits as one new version (rebased onto the current one); returns it. */
    long approve(ListCommand.ApproveProposal command, String curator) {
        Proposal proposal = submitted(command.proposal(), "approved");
        if (proposal.author().equals(curator)) {
            throw new ListRuleException.NotAllowed("nobody approves their own proposal; another curator must approve "
                    + proposal.id());
        }
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new ListRuleException.VersionMismatch(command.expectedVersion(), version);
        }
        List<Edit> edits = edits(proposal.edits());
        List<ListEvent> events = new ArrayList<>();
        events.add(new ProposalApproved(listId, proposal.id(), curator, version + 1, proposal.baseVersion(),
                proposal.rationale()));
        events.addAll(decide(edits, proposal.baseVersion()));
        applyAll(events, version + 1);
        return version;
    }

    /** Undoes version {@code reverted} with the given inverse edits as one new version; returns it. */
    long revert(long reverted, List<Edit> undo, String curator) {
        if (reverted < 2 || reverted > version) {
            throw new EditException.Invalid("version", "must be a version between 2 and " + version);
        }
        List<ListEvent> events = new ArrayList<>();
        events.add(new VersionReverted(listId, version + 1, reverted, curator));
        events.addAll(decide(undo, reverted));
        applyAll(events, version + 1);
        return version;
    }

    private List<ListEvent> decide(List<Edit> edits, long base) {
        List<String> clashes = ListEditor.clashes(edits, lastChanged, base);
        if (!clashes.isEmpty()) {
            throw new EditException.Clash(clashes, base, version);
        }
        return ListEditor.decide(listId, document, new IdSequence(lastId), edits);
    }

    private Proposal submitted(String id, String action) {
        Proposal proposal = proposals.get(id);
        if (proposal == null) {
            throw new ListRuleException.NoSuchProposal(id);
        }
        if (proposal.status() != ProposalStatus.SUBMITTED) {
            throw new ListRuleException.IllegalTransition(id, proposal.status().name().toLowerCase(), action);
        }
        return proposal;
    }

    private long base(Long requested) {
        if (requested == null) {
            return version;
        }
        if (requested < 1 || requested > version) {
            throw new ListRuleException.UnknownBase(requested, version);
        }
        return requested;
    }

    /** The edits of a change set; characters, lengths and fields were checked by the input contract. */
    private static List<Edit> edits(List<EditSpec> specs) {
        if (specs.isEmpty()) {
            throw new EditException.Invalid("edits", "must hold at least one edit");
        }
        List<Edit> edits = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            edits.add(specs.get(i).toEdit("edits[" + i + "]"));
        }
        return edits;
    }

    private static String rationale(String rationale) {
        return rationale == null || rationale.isBlank() ? null : rationale.strip();
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
    void on(ListEvent event, @MetaDataValue(EventMetadata.VERSION) Number storedVersion) {
        long eventVersion = storedVersion.longValue();
        switch (event) {
            case ListImported imported -> {
                listId = imported.listId();
                slug = imported.slug();
                lastId = imported.lastId();
            }
            case ListContentImported content -> content.nodes().forEach(n -> lastChanged.put(n.id(), eventVersion));
            case ProposalSubmitted p -> proposals.put(p.proposal(), new Proposal(p.proposal(), p.author(),
                    p.baseVersion(), p.rationale(), p.edits(), ProposalStatus.SUBMITTED));
            case ProposalWithdrawn p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.with(ProposalStatus.WITHDRAWN));
            case ProposalRejected p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.with(ProposalStatus.REJECTED));
            case ProposalApproved p -> proposals.computeIfPresent(p.proposal(), (k, v) -> v.with(ProposalStatus.APPROVED));
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

    Map<String, Proposal> proposals() {
        return proposals;
    }
}
