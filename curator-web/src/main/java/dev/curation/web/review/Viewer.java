package dev.curation.web.review;

import dev.curation.web.signin.GlobalRoles;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Who looks at a review page and what they may do on this list: a named member has the list's role
 * (owner and curator review), anyone else their global role (the token's "roles" claim).
 *
 * @param name    the signed-in person, or null for a reader
 * @param curator whether they review proposals of this list
 */
public record Viewer(@Nullable String name, boolean curator) {

    static final Viewer READER = new Viewer(null, false);

    /** The viewer from the signed-in principal and the list's members ({@code GET .../members}). */
    static Viewer of(@Nullable String name, @Nullable Principal principal, JsonNode members) {
        if (name == null) {
            return READER;
        }
        return new Viewer(name, GlobalRoles.curates(name, principal, members));
    }

    public boolean signedIn() {
        return name != null;
    }

    /** Whether {@code author} is this viewer. */
    public boolean is(String author) {
        return author.equals(name);
    }
}
