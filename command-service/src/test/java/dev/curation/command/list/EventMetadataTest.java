package dev.curation.command.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The global roles a command carries to the list: each role one name, never split in two. */
class EventMetadataTest {

    @Test
    void aRoleThatHoldsTheSeparatorIsNoRoleAtAll() {
        TestingAuthenticationToken user = new TestingAuthenticationToken("mallory", "x",
                List.of(new SimpleGrantedAuthority("ROLE_X,CURATOR"), new SimpleGrantedAuthority("ROLE_CONTRIBUTOR")));
        String carried = EventMetadata.roles(user);
        assertThat(carried).isEqualTo("CONTRIBUTOR");
        assertThat(EventMetadata.roles(carried)).containsExactly("CONTRIBUTOR");
    }

    @Test
    void rolesArePassedWithoutTheirPrefixAndOtherAuthoritiesAreLeftOut() {
        TestingAuthenticationToken user = new TestingAuthenticationToken("alice", "x",
                List.of(new SimpleGrantedAuthority("ROLE_CURATOR"), new SimpleGrantedAuthority("SCOPE_read")));
        assertThat(EventMetadata.roles(EventMetadata.roles(user))).containsExactly("CURATOR");
    }
}
