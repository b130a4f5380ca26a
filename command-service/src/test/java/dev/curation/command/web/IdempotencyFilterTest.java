package dev.curation.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** A body over the filter's own buffer is refused, never passed on cut short (no database needed for that). */
class IdempotencyFilterTest {

    private static final int OVER_BUFFER = 8 * 1024 * 1024 + 1;

    private final IdempotencyFilter filter = new IdempotencyFilter(null, JsonMapper.builder().build(), null,
            new IdempotencyProperties(Duration.ofHours(24), Duration.ofHours(1)));

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDeclaredBodyOverTheBufferIsRefused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(keyed(new MockHttpServletRequest("POST", "/api/lists/x/edits")), response, chain);

        assertRefused(response, chain);
    }

    @Test
    void aBodyWithoutLengthOverTheBufferIsRefused() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/lists/x/edits") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(keyed(chunked), response, chain);

        assertRefused(response, chain);
    }

    private static MockHttpServletRequest keyed(MockHttpServletRequest request) {
        request.addHeader(IdempotencyFilter.HEADER, "k1");
        request.setContentType("application/json");
        request.setContent(new byte[OVER_BUFFER]);
        return request;
    }

    private static void assertRefused(MockHttpServletResponse response, MockFilterChain chain) throws Exception {
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:curation:problem:body-too-large");
        assertThat(chain.getRequest()).as("passed on").isNull();
    }
}
