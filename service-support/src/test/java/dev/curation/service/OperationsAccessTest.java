package dev.curation.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

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
}
