package dev.curation.command.list.web;

import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Who has which role on a list (owners): owner, curator or contributor. */
@Tag(name = ListEditController.TAG)
@RestController
class MemberController {

    private final ListCommands commands;

    MemberController(ListCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Give an account a role on the list, or change it (owners): owner, curator or contributor")
    @PutMapping(path = "/api/lists/{slug}/members/{member}", consumes = "application/json")
    Member setMember(@PathVariable String slug, @PathVariable String member, @RequestBody MemberRequest request,
                     Authentication user, HttpServletRequest http) {
        ListRole role = commands.send(new ListCommand.SetMemberRole(commands.listId(slug), member, request.role()), user, http);
        return new Member(member, role.wire());
    }

    @Operation(summary = "Take an account's role on the list away (owners); the last owner stays")
    @DeleteMapping("/api/lists/{slug}/members/{member}")
    ResponseEntity<Void> removeMember(@PathVariable String slug, @PathVariable String member, Authentication user,
                                      HttpServletRequest http) {
        commands.send(new ListCommand.RemoveMember(commands.listId(slug), member), user, http);
        return ResponseEntity.noContent().build();
    }

    record MemberRequest(String role) {
    }

    record Member(String member, String role) {
    }
}
