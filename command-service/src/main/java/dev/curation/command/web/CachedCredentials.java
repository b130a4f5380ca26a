package dev.curation.command.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash takes about 100 ms
 * of CPU by design. This remembers credentials that were verified (as a SHA-256 of name and
 * password, in memory only) for a short time, so a client pays the bcrypt check once, not per
 * request. Failed attempts are never cached: guessing still costs a full check each time.
 */
final class CachedCredentials implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Cache<String, Authentication> verified;

    CachedCredentials(AuthenticationProvider delegate, Duration ttl) {
        this(delegate, ttl, Ticker.systemTicker());
    }

    CachedCredentials(AuthenticationProvider delegate, Duration ttl, Ticker ticker) {
        this.delegate = delegate;
        // evictions run on the caller's thread: nothing is left to a common pool that may have one thread
        this.verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
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
