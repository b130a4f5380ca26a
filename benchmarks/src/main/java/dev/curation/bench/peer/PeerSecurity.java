package dev.curation.bench.peer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The bench signs its edits in with HTTP Basic as alice, and the local stack's command service
 * checks Basic against configured accounts ({@code {noop}alice}) behind a 5-minute cache of verified
 * credentials keyed by a SHA-256 of name and password. The peer does the same work per request:
 * Spring Security's Basic filter, a SHA-256, a Caffeine lookup (the password check only on a miss).
 */
@Configuration
class PeerSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        DaoAuthenticationProvider accounts = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}alice").roles("CURATOR").build()));
        accounts.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        http.authenticationManager(new ProviderManager(new Cached(accounts)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> { });
        return http.build();
    }

    /** Verified credentials for 5 minutes, as the command service's CachedCredentials. */
    private static final class Cached implements AuthenticationProvider {
        private final AuthenticationProvider delegate;
        private final Cache<String, Authentication> verified = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(5)).executor(Runnable::run).build();

        Cached(AuthenticationProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Authentication authenticate(Authentication request) {
            if (!(request.getCredentials() instanceof String password)) {
                return delegate.authenticate(request);
            }
            String key = key(request.getName(), password);
            Authentication hit = verified.getIfPresent(key);
            if (hit != null) {
                return hit;
            }
            Authentication result = delegate.authenticate(request);
            if (result != null && result.isAuthenticated()) {
                verified.put(key, UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                        result.getAuthorities()));
            }
            return result;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }

        private static String key(String name, String password) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
