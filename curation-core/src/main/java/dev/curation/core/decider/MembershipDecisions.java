package dev.curation.core.decider;

import dev.curation.core.list.ChangeSetRules;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.MemberRemoved;
import dev.curation.core.list.MemberRoleSet;

/**
 * Who holds which role on the list ({@code Members}): owners give and take roles, the last owner
 * stays, and every other concern asks {@link #require} before it decides.
 */
final class MembershipDecisions {

    private MembershipDecisions() {
    }

    /** @throws ListRuleException.Forbidden unless {@code actor} has at least {@code needed} on the list */
    static void require(ListState state, Actor actor, ListRole needed, String action) {
        state.members().require(actor.name(), actor.globalRoles(), needed, action);
    }

    /**
     * An owner gives someone a role on the list, or changes it; giving the role someone has records
     * nothing. Answers the {@link ListRole} the member holds now.
     */
    static Decision setRole(ListState state, ListCommand.SetMemberRole command, Actor owner) {
        String member = ChangeSetRules.memberName(command.member());
        ListRole role = ChangeSetRules.listRole(command.role());
        state.members().checkChange(owner.name(), owner.globalRoles(), member, role);
        if (role == state.members().roles().get(member)) {
            return Decision.nothing(state).answering(after -> role);
        }
        return Decision.sameVersion(state, new MemberRoleSet(state.listId(), member, role.wire(), owner.name()))
                .answering(after -> role);
    }

    /** An owner takes someone's role on the list away. */
    static Decision remove(ListState state, ListCommand.RemoveMember command, Actor owner) {
        String member = ChangeSetRules.memberName(command.member());
        state.members().checkChange(owner.name(), owner.globalRoles(), member, null);
        if (!state.members().roles().containsKey(member)) {
            throw new ListRuleException.NoSuchMember(member);
        }
        return Decision.sameVersion(state, new MemberRemoved(state.listId(), member, owner.name()));
    }

    /** A read or side effect of the list's curators or owners (its webhooks): accepted without an event. */
    static Decision check(ListState state, ListCommand.CheckRole command, Actor actor) {
        require(state, actor, command.needed(), command.action());
        return Decision.nothing(state);
    }
}
