package dev.curation.web.signin;

import java.security.Principal;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import tools.jackson.databind.JsonNode;

/**
 * The signed-in person's global roles, from the sign-in's {@code roles} claim (as the issuer writes
 * them: {@code CURATOR}, {@code CONTRIBUTOR}). A list's members override them on that list; the
 * pages use them only to decide what to offer, the services decide what is allowed.
 */
public final class GlobalRoles {

    static final String CURATOR = "CURATOR";

    private GlobalRoles() {
    }

    /**
     * Whether {@code name} reviews on a list whose members ({@code GET /api/lists/{slug}/members})
     * are {@code members}: an owner or curator there, or, not named there, a global curator.
     */
    public static boolean curates(String name, @Nullable Principal principal, JsonNode members) {
        for (JsonNode member : members.path("members")) {
            if (name.equals(member.path("member").asString(""))) {
                String role = member.path("role").asString("");
                return role.equals("owner") || role.equals("curator");
            }
        }
        return curator(principal);
    }

    /** Whether the person is a curator of every list that does not name them. */
    public static boolean curator(@Nullable Principal principal) {
        return principal instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser person
                && person.getClaims().get("roles") instanceof Collection<?> roles && roles.contains(CURATOR);
    }
}
