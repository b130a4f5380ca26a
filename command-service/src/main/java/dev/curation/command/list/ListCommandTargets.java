package dev.curation.command.list;

import dev.curation.core.list.ListCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Routes a command on an existing list to its {@link CuratedList} by the command's list id, so
 * curation-core's commands need no Axon annotation ({@code @TargetAggregateIdentifier}).
 */
@Component(ListCommandTargets.BEAN)
class ListCommandTargets implements CommandTargetResolver {

    static final String BEAN = "listCommandTargets";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ListCommand listCommand) {
            return new VersionedAggregateIdentifier((Object) listCommand.listId(), null);
        }
        throw new IllegalArgumentException("not a command on a list: " + command.getCommandName());
    }
}
