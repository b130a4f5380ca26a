package dev.curation.web.signin;

import java.security.Principal;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person's global roles, from the sign-in's {@code roles} claim (as the issuer writes
 * them: {@code CURATOR}, {@code CONTRIBUTOR}). A list's members override them on that list; the
 * pages use them only to decide what to offer, the services decide what is allowed.
 */
public final class GlobalRoles {

    static final String CURATOR = "CURATOR";

    private GlobalRoles() {
    }

    /** Whether the person is a curator of every list that does not name them. */
    public static boolean curator(@Nullable Principal principal) {
        return principal instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser person
                && person.getClaims().get("roles") instanceof Collection<?> roles && roles.contains(CURATOR);
    }
}
