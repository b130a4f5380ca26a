package dev.curation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class OperationsAccessTest {

    private static MockHttpServletRequest from(String address, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/operations/republish");
        request.setRemoteAddr(address);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    @Test
    void withoutATokenOnlyLoopbackIsServed() {
        OperationsAccess access = new OperationsAccess("");

        assertThat(access.refusal(from("127.0.0.1", null))).isNull();
        assertThat(access.refusal(from("::1", null))).isNull();
        var refused = access.refusal(from("10.0.0.7", null));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().getType().toString()).isEqualTo("urn:curation:problem:operations-disabled");
        assertThat(refused.getBody().getInstance().toString()).isEqualTo("/api/operations/republish");
    }

    @Test
    void withATokenEveryRequestMustBearIt() {
        OperationsAccess access = new OperationsAccess("s3cret");

        assertThat(access.refusal(from("10.0.0.7", "Bearer s3cret"))).isNull();
        // loopback is no exception once a token is set
        assertThat(access.refusal(from("127.0.0.1", null)).getStatusCode().value()).isEqualTo(401);
        assertThat(access.refusal(from("10.0.0.7", "Bearer s3cre")).getStatusCode().value()).isEqualTo(401);
        assertThat(access.refusal(from("10.0.0.7", "Basic s3cret")).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anOperatorsTokenServesFromAnywhereAndOtherAccountsAreForbidden() {
        OperationsAccess access = new OperationsAccess("s3cret");
        MockHttpServletRequest olga = from("10.0.0.7", "Bearer eyJ.a.b");
        olga.setUserPrincipal(() -> "olga");
        olga.addUserRole(OperationsAccess.OPERATOR);
        assertThat(access.refusal(olga)).isNull();

        MockHttpServletRequest erin = from("10.0.0.7", "Bearer eyJ.c.d");
        erin.setUserPrincipal(() -> "erin");
        erin.addUserRole("CURATOR");
        var refused = access.refusal(erin);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().getDetail()).isEqualTo("erin is signed in without the role OPERATOR that operations need");
        // without an operations token, loopback still serves whoever asks
        MockHttpServletRequest local = from("127.0.0.1", null);
        local.setUserPrincipal(() -> "erin");
        assertThat(new OperationsAccess("").refusal(local)).isNull();
    }

    @Test
    void loopbackThatAProxyForwardedIsNoLongerTrusted() {
        OperationsAccess access = new OperationsAccess("");
        // a header claims the address, or a proxy on this host passed the request on: neither is the client on loopback
        for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
            MockHttpServletRequest claimed = from("127.0.0.1", null);
            claimed.addHeader(header, header.equals("Forwarded") ? "for=127.0.0.1" : "127.0.0.1");
            var refused = access.refusal(claimed);
            assertThat(refused).as(header).isNotNull();
            assertThat(refused.getBody().getType().toString()).isEqualTo("urn:curation:problem:operations-disabled");
            assertThat(refused.getBody().getDetail()).contains("this request came from 127.0.0.1, forwarded by a proxy");
        }
        // Tomcat's RemoteIpValve marks a request from a trusted proxy, and has removed the header it used
        MockHttpServletRequest viaProxy = from("127.0.0.1", null);
        viaProxy.setAttribute(OperationsAccess.TOMCAT_FORWARDED, Boolean.TRUE);
        assertThat(access.refusal(viaProxy)).isNotNull();
        assertThat(access.refusal(from("10.0.0.7", null)).getBody().getDetail()).contains("came from 10.0.0.7)");
    }

    @Test
    void asTheSecurityChainsRuleItGrantsWhatRefusalAllows() {
        OperationsAccess open = new OperationsAccess("");
        OperationsAccess guarded = new OperationsAccess("s3cret");
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        Authentication olga = new TestingAuthenticationToken("olga", null, "ROLE_OPERATOR");
        Authentication erin = new TestingAuthenticationToken("erin", null, "ROLE_CURATOR");

        assertThat(granted(open, anonymous, from("127.0.0.1", null))).isTrue();
        assertThat(granted(open, anonymous, from("10.0.0.7", null))).isFalse();
        MockHttpServletRequest forged = from("127.0.0.1", null);
        forged.addHeader("X-Forwarded-For", "127.0.0.1");
        assertThat(granted(open, anonymous, forged)).isFalse();
        assertThat(granted(guarded, anonymous, from("127.0.0.1", null))).isFalse();
        assertThat(granted(guarded, anonymous, from("10.0.0.7", "Bearer s3cret"))).isTrue();
        assertThat(granted(guarded, olga, from("10.0.0.7", "Bearer eyJ.a.b"))).isTrue();
        assertThat(granted(guarded, erin, from("10.0.0.7", "Bearer eyJ.c.d"))).isFalse();
        assertThat(granted(open, null, from("127.0.0.1", null))).isTrue();
    }

    private static boolean granted(OperationsAccess access, Authentication who, MockHttpServletRequest request) {
        return access.authorize(() -> who, new RequestAuthorizationContext(request)).isGranted();
    }
}
