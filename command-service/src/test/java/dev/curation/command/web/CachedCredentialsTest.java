package dev.curation.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class CachedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();

    /** Accepts alice with "secret" as a curator; counts every check, as bcrypt's cost would be counted. */
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (request.getName().equals("alice") && "secret".equals(request.getCredentials())) {
                return UsernamePasswordAuthenticationToken.authenticated("alice", "secret",
                        AuthorityUtils.createAuthorityList("ROLE_CURATOR"));
            }
            throw new BadCredentialsException("bad credentials");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    };

    private final CachedCredentials cached = new CachedCredentials(bcrypt, Duration.ofMinutes(5), now::get);

    private static Authentication basic(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    @Test
    void verifiedCredentialsAreCheckedOnceWithinTheirTimeToLive() {
        Authentication first = cached.authenticate(basic("alice", "secret"));
        Authentication second = cached.authenticate(basic("alice", "secret"));

        assertThat(checks).hasValue(1);
        assertThat(second.getName()).isEqualTo("alice");
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CURATOR");
        assertThat(second.isAuthenticated()).isTrue();
        // the cached authentication holds no password
        assertThat(second.getCredentials()).isNull();
        assertThat(first.getName()).isEqualTo(second.getName());
    }

    @Test
    void credentialsAreCheckedAgainAfterTheirTimeToLive() {
        cached.authenticate(basic("alice", "secret"));
        now.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        cached.authenticate(basic("alice", "secret"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void failedAttemptsAreNeverCachedSoGuessingPaysEveryCheck() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cached.authenticate(basic("alice", "guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(3);
    }

    @Test
    void anotherPasswordForACachedNameIsCheckedAndRefused() {
        cached.authenticate(basic("alice", "secret"));

        assertThatThrownBy(() -> cached.authenticate(basic("alice", "secret2"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);
    }
}
