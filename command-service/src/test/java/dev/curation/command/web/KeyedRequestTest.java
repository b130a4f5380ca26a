package dev.curation.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.command.list.ListCommandBatcher.Commit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Only a request the Idempotency-Key filter handles in its transaction has its command commit there. */
class KeyedRequestTest {

    @Test
    void aMarkedRequestCommitsInItsTransactionAnyOtherIsGrouped() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/lists/x/edits");
        // a key alone is not enough: the filter may have let the request through without a transaction
        request.addHeader(IdempotencyFilter.HEADER, "k1");
        assertThat(KeyedRequest.commit(request)).isEqualTo(Commit.GROUPED);
        KeyedRequest.mark(request);
        assertThat(KeyedRequest.commit(request)).isEqualTo(Commit.IN_CALLERS_TRANSACTION);
    }
}
