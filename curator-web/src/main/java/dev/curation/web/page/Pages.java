package dev.curation.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Makes the {@link Page} of a request: see there. */
@Component
public class Pages {

    private final MessageSource messages;

    Pages(MessageSource messages) {
        this.messages = messages;
    }

    /** The page for {@code request}, titled by the message {@code titleKey} with {@code args}. */
    public Page of(HttpServletRequest request, String titleKey, Object... args) {
        var locale = RequestContextUtils.getLocale(request);
        String title = Objects.requireNonNullElse(messages.getMessage(titleKey, args, titleKey, locale), titleKey);
        String user = user(request.getUserPrincipal());
        // a reader has no form to send, so no token and no session: reading stays sessionless
        CsrfToken token = user == null ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Page.Csrf csrf = token == null ? null : new Page.Csrf(token.getParameterName(), token.getHeaderName(), token.getToken());
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        return new Page(title, locale, user, csrf, path, messages);
    }

    /** The signed-in person's account name (the token's preferred_username), or null. */
    public static @Nullable String user(@Nullable Principal principal) {
        if (principal instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser person) {
            String name = person.getPreferredUsername();
            return name != null ? name : person.getName();
        }
        return principal == null ? null : principal.getName();
    }
}
