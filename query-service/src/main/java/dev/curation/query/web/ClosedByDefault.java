package dev.curation.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * What the security configuration does not permit by name is closed: a request that a controller
 * (or actuator) method would serve is denied, so that a new endpoint taking anything but GET opens
 * nothing until SecurityConfig says who may use it. A request no method serves goes on, for Spring
 * MVC to answer 404 or 405 as it would.
 */
final class ClosedByDefault implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    ClosedByDefault(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
                                         RequestAuthorizationContext context) {
        return new AuthorizationDecision(!served(context.getRequest()));
    }

    private boolean served(HttpServletRequest request) {
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return mappings.orderedStream().anyMatch(mapping -> mapping.getHandlerMethods().keySet().stream()
                    .anyMatch(info -> info.getMatchingCondition(request) != null));
        } finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
