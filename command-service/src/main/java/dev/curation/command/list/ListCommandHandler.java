package dev.curation.command.list;

import dev.curation.core.list.ListCommand;
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

    ListCommandHandler(Repository<CuratedList> lists) {
        this.lists = lists;
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
