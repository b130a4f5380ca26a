package dev.curation.command.list.web;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.list.ListCommandBatcher;
import dev.curation.command.list.ListCommandBatcher.Commit;
import dev.curation.command.list.ListDirectory;
import dev.curation.command.web.ImportProperties;
import dev.curation.command.web.KeyedRequest;
import dev.curation.command.web.NotFoundException;
import dev.curation.core.list.ListCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the controllers of a list's commands share (the webhooks' too): the list a slug names, and
 * sending it a command as the signed-in user.
 */
@Component
public class ListCommands {

    private final ListCommandBatcher commands;
    private final ListDirectory directory;
    private final ImportProperties properties;

    ListCommands(ListCommandBatcher commands, ListDirectory directory, ImportProperties properties) {
        this.commands = commands;
        this.directory = directory;
        this.properties = properties;
    }

    public String listId(String slug) {
        return directory.listId(slug).orElseThrow(() -> new NotFoundException("no list with slug '" + slug + "'"));
    }

    /** The list's answer to {@code command}, committed where {@code request} needs it ({@link KeyedRequest}). */
    public <R> R send(ListCommand command, Authentication user, HttpServletRequest request) {
        return send(command, user, KeyedRequest.commit(request));
    }

    /** The list's answer to {@code command}, committed as {@code commit} says. */
    public <R> R send(ListCommand command, Authentication user, Commit commit) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(EventMetadata.of(user)), commit);
    }

    /** Where a proposal is read: on the query service. */
    URI proposal(String slug, String id) {
        return properties.queryBaseUrl().resolve("/api/lists/" + slug + "/proposals/" + id);
    }
}
