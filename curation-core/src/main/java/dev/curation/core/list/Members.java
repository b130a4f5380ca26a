package dev.curation.core.list;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what on one list. The account that imported the list is its first owner; owners
 * give others a role ({@link ListRole}) or take it away, as events. An account's role on a list is
 * the one its members give it; where they give none, its global role: a global curator (an
 * operator's account) curates every list that says nothing else, a global contributor may propose
 * on every such list. So an owner may also make a global curator only a contributor of this list.
 * An owner cannot take away the last owner.
 */
public final class Members {

    /** Global (configured) roles as the command service passes them: role names without a prefix. */
    public static final String GLOBAL_CURATOR = "CURATOR";
    public static final String GLOBAL_CONTRIBUTOR = "CONTRIBUTOR";

    private final Map<String, ListRole> roles;

    private Members(Map<String, ListRole> roles) {
        this.roles = Map.copyOf(roles);
    }

    public static Members none() {
        return new Members(Map.of());
    }

    /** The members of a list its creator just imported. */
    public static Members createdBy(@Nullable String creator) {
        return creator == null ? none() : new Members(Map.of(creator, ListRole.OWNER));
    }

    public Members with(MemberRoleSet event) {
        Map<String, ListRole> next = new HashMap<>(roles);
        ListRole role = ListRole.fromWire(event.role());
        if (role != null) {
            next.put(event.member(), role);
        }
        return new Members(next);
    }

    public Members without(MemberRemoved event) {
        Map<String, ListRole> next = new HashMap<>(roles);
        next.remove(event.member());
        return new Members(next);
    }

    public Map<String, ListRole> roles() {
        return roles;
    }

    /** The role {@code actor} has on this list with these global roles; null for none. */
    public @Nullable ListRole roleOf(String actor, Set<String> globalRoles) {
        ListRole global = globalRoles.contains(GLOBAL_CURATOR) ? ListRole.CURATOR
                : globalRoles.contains(GLOBAL_CONTRIBUTOR) ? ListRole.CONTRIBUTOR : null;
        ListRole member = roles.get(actor);
        return member != null ? member : global;
    }

    /**
     * @param action what is asked, as a phrase: "approve a proposal"
     * @throws ListRuleException.Forbidden unless {@code actor} has at least {@code needed} on this list
     */
    public void require(String actor, Set<String> globalRoles, ListRole needed, String action) {
        ListRole role = roleOf(actor, globalRoles);
        if (role == null || !role.atLeast(needed)) {
            throw new ListRuleException.Forbidden(actor, role, needed, action);
        }
    }

    /**
     * Checks that {@code by} may give {@code member} the role {@code role} (null: take the role
     * away), and that the list keeps an owner.
     *
     * @throws ListRuleException.Forbidden unless {@code by} owns the list
     * @throws ListRuleException.LastOwner when the change would leave the list without an owner
     */
    public void checkChange(String by, Set<String> byRoles, String member, @Nullable ListRole role) {
        require(by, byRoles, ListRole.OWNER, "manage the list's members");
        boolean owner = roles.get(member) == ListRole.OWNER;
        long owners = roles.values().stream().filter(r -> r == ListRole.OWNER).count();
        if (owner && role != ListRole.OWNER && owners == 1) {
            throw new ListRuleException.LastOwner(member);
        }
    }
}
