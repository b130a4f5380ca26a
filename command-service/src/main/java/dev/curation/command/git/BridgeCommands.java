package dev.curation.command.git;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.list.ListCommandBatcher;
import dev.curation.command.list.ListCommandBatcher.Commit;
import dev.curation.core.decider.Actor;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.list.ListCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Commands the bridge sends on its own account: as {@code git-bridge}, with the global role {@code GIT_BRIDGE}. */
@Component
public class BridgeCommands {

    /** The account name the bridge's events carry as their sender. */
    public static final String ACCOUNT = "git-bridge";

    private final ListCommandBatcher commands;

    BridgeCommands(ListCommandBatcher commands) {
        this.commands = commands;
    }

    /** The version the commit is (new, or the one it already became). */
    public long importCommit(ListCommand.ImportCommit command) {
        ChangeAccepted accepted = send(command);
        return accepted.version();
    }

    public void finishImport(ListCommand.FinishHistoryImport command) {
        send(command);
    }

    /** Sends {@code command} as someone else: a proposal from a git author. */
    public <R> @Nullable R sendAs(ListCommand command, String actor, String... roles) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(EventMetadata.ACTOR, actor).and(EventMetadata.ROLES, String.join(",", roles))),
                Commit.GROUPED);
    }

    private <R> R send(ListCommand command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(EventMetadata.ACTOR, ACCOUNT).and(EventMetadata.ROLES, Actor.GIT_BRIDGE)),
                Commit.GROUPED);
    }
}
