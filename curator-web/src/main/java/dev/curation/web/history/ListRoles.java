package dev.curation.web.history;

import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Pages;
import dev.curation.web.signin.GlobalRoles;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether the signed-in person may revert directly (a curator or owner of the list) or proposes
 * the revert. The list's members say first (an owner can make a global curator a contributor of
 * the list); accounts not named there have their global role, the sign-in's {@code roles} claim.
 * Only what the page offers: the command service decides, and its refusal is shown.
 */
@Component
class ListRoles {

    private final CurationApi api;

    ListRoles(CurationApi api) {
        this.api = api;
    }

    boolean curates(String slug, @Nullable Principal principal) {
        String user = Pages.user(principal);
        if (user == null) {
            return false;
        }
        return GlobalRoles.curates(user, principal, api.readJson("/api/lists/{slug}/members", slug));
    }
}
