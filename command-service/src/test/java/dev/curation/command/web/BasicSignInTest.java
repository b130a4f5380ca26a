package dev.curation.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.service.FailedSignIns;
import dev.curation.service.SignInFailureProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic sign-in as the service wires it (BasicSignIn, SecurityConfig's accounts, the
 * production delegating encoder, bcrypt hashes): failures slow down the (account, address) pair
 * that made them and nobody else, an account is counted however its name is cased, and every
 * refused attempt costs one bcrypt check at the accounts' cost, known name or not.
 */
class BasicSignInTest {

    /** Cost 4, the lowest, to keep the test quick; what matters is that every check runs at the accounts' cost. */
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    /** The encoded passwords the production encoder checked against, in order. */
    private final List<String> checked = new ArrayList<>();
    private final PasswordEncoder production = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return production.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checked.add(encoded);
            return production.matches(raw, encoded);
        }
    };
    private final AccountProperties accounts = new AccountProperties(List.of(
            new AccountProperties.Account("alice", "{bcrypt}" + BCRYPT.encode("alice-secret"), List.of("CURATOR")),
            new AccountProperties.Account("bob", "{bcrypt}" + BCRYPT.encode("bob-secret"), List.of("CONTRIBUTOR"))),
            false, true);
    /** Three free failures, then a minute; an address after 100. */
    private final AuthenticationProvider signIn = BasicSignIn.provider(accounts, new SecurityConfig().accounts(accounts),
            counting, new FailedSignIns(new SignInFailureProperties(3, Duration.ofMinutes(1), Duration.ofMinutes(5),
                    Duration.ofHours(1), 100, Duration.ofMinutes(1))));

    @Test
    void aGuesserIsSlowedDownAloneNotTheAccountElsewhereNorOthersBehindItsAddress() {
        for (int i = 0; i < 4; i++) {
            assertRefused(attempt("10.0.0.1", "alice", "guess-" + i), BadCredentialsException.class);
        }

        assertRefused(attempt("10.0.0.1", "alice", "alice-secret"), ThrottledAuthentication.TooManyFailures.class);
        // behind the same proxy or NAT: another account signs in; the owner signs in from elsewhere
        assertThat(attempt("10.0.0.1", "bob", "bob-secret").isAuthenticated()).isTrue();
        assertThat(attempt("10.0.0.2", "alice", "alice-secret").isAuthenticated()).isTrue();
        assertRefused(attempt("10.0.0.1", "alice", "guess-5"), ThrottledAuthentication.TooManyFailures.class);
    }

    @Test
    void aNameIsCountedAsTheAccountItSignsInAsWhateverItsCase() {
        for (String alice : List.of("alice", "Alice", "ALICE", "aLiCe")) {
            assertRefused(attempt("10.0.0.3", alice, "guess"), BadCredentialsException.class);
        }

        assertRefused(attempt("10.0.0.3", "alice", "alice-secret"), ThrottledAuthentication.TooManyFailures.class);
    }

    @Test
    void anUnknownNameCostsOneCheckAtTheCostOfAKnownOne() {
        List<String> wrongPassword = checksOf("alice", "wrong");
        List<String> unknown = checksOf("mallory", "wrong");

        assertThat(wrongPassword).hasSize(1);
        assertThat(unknown).hasSize(1);
        // the same encoder, version and cost
        assertThat(unknown.get(0)).startsWith("{bcrypt}$2a$04$").startsWith(wrongPassword.get(0).substring(0, 15));
    }

    @Test
    void theCacheOfVerifiedCredentialsMakesNoGuessCheaper() {
        assertThat(attempt("10.0.0.5", "alice", "alice-secret").isAuthenticated()).isTrue();
        checked.clear();
        assertThat(attempt("10.0.0.5", "alice", "alice-secret").isAuthenticated()).isTrue();
        assertThat(checked).isEmpty();

        assertThat(checksOf("alice", "wrong")).hasSize(1);
        assertThat(checksOf("mallory", "alice-secret")).hasSize(1);
    }

    private List<String> checksOf(String name, String password) {
        checked.clear();
        assertRefused(attempt("10.0.0.4", name, password), BadCredentialsException.class);
        return List.copyOf(checked);
    }

    private Attempt attempt(String address, String name, String password) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        return () -> signIn.authenticate(request);
    }

    private static void assertRefused(Attempt attempt, Class<? extends Exception> refusal) {
        assertThatThrownBy(attempt::isAuthenticated).isInstanceOf(refusal);
    }

    /** One sign-in attempt, made when asked. */
    @FunctionalInterface
    private interface Attempt {
        Authentication signIn();

        default boolean isAuthenticated() {
            return signIn().isAuthenticated();
        }
    }
}
