package dev.curation.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class ClosedByDefaultTest {

    /** A controller someone adds later, with a write the security configuration does not name. */
    static class NewEndpoint {
        public String write() {
            return "done";
        }
    }

    @Test
    void aWriteAControllerServesIsDeniedUntilSecurityConfigNamesIt() throws Exception {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(new StaticApplicationContext());
        mapping.afterPropertiesSet();
        mapping.registerMapping(RequestMappingInfo.paths("/api/lists/{slug}/stars").methods(RequestMethod.POST)
                .options(mapping.getBuilderConfiguration()).build(), new NewEndpoint(), NewEndpoint.class.getMethod("write"));
        ClosedByDefault closed = new ClosedByDefault(new StaticListableBeanFactory(Map.of("mapping", mapping))
                .getBeanProvider(RequestMappingInfoHandlerMapping.class));

        assertThat(granted(closed, "POST", "/api/lists/go/stars")).isFalse();
        // what no method serves goes on to Spring MVC's 404 or 405
        assertThat(granted(closed, "DELETE", "/api/lists/go/stars")).isTrue();
        assertThat(granted(closed, "POST", "/api/lists/go/markdown")).isTrue();
        assertThat(granted(closed, "OPTIONS", "/api/lists/go/stars")).isTrue();
    }

    private static boolean granted(ClosedByDefault closed, String method, String path) {
        return closed.authorize(() -> null, new RequestAuthorizationContext(new MockHttpServletRequest(method, path))).isGranted();
    }
}
