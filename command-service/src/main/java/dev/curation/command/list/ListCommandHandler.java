package dev.curation.command.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.Revert;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Routes commands on existing lists to their {@link CuratedList}, loaded from the event store
 * (or the cache), with the signed-in user from the command's metadata. Keeps curation-core's
 * commands free of Axon routing annotations.
 */
@Component
class ListCommandHandler {

    private final Repository<CuratedList> lists;
    private final EventStore events;

    ListCommandHandler(Repository<CuratedList> lists, EventStore events) {
        this.lists = lists;
        this.events = events;
    }

    /** Reads the list's events to find what version {@code version} did, then lets the list undo it. */
    @CommandHandler
    long handle(ListCommand.RevertVersion command, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        if (command.version() == null) {
            throw new EditException.Invalid("version", "is required: the version to revert");
        }
        long target = command.version();
        ListDocument before = null;
        List<ListEvent> reverted = new ArrayList<>();
        DomainEventStream stream = events.readEvents(command.listId());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            long version = ((Number) message.getMetaData().getOrDefault(EventMetadata.VERSION, 0L)).longValue();
            if (!(message.getPayload() instanceof ListEvent event) || version > target) {
                break;
            }
            if (version < target) {
                before = ListFold.apply(before, event);
            } else {
                reverted.add(event);
            }
        }
        if (reverted.isEmpty()) {
            throw new EditException.Invalid("version", "this list has no version " + target);
        }
        List<Edit> undo = Revert.inverse(target, reverted, before == null ? new ListDocument() : before);
        return lists.load(command.listId()).invoke(list -> list.revert(target, undo, actor));
    }

    @CommandHandler
    long handle(ListCommand.ApplyChangeSet command) {
        return lists.load(command.listId()).invoke(list -> list.applyChangeSet(command));
    }

    @CommandHandler
    void handle(ListCommand.SubmitProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        lists.load(command.listId()).execute(list -> list.submit(command, actor));
    }

    @CommandHandler
    void handle(ListCommand.WithdrawProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        lists.load(command.listId()).execute(list -> list.withdraw(command, actor));
    }

    @CommandHandler
    void handle(ListCommand.RejectProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        lists.load(command.listId()).execute(list -> list.reject(command, actor));
    }

    @CommandHandler
    long handle(ListCommand.ApproveProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        return lists.load(command.listId()).invoke(list -> list.approve(command, actor));
    }
}
