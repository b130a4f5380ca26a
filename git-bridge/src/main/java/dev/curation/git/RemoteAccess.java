package dev.curation.git;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the bridge may reach a repository URL: {@code https://} always, with these credentials
 * when given; {@code file://} only when {@code allowFile} is set (the local stack and tests: a
 * service must not read its own disk on a caller's say-so); nothing else.
 *
 * @param timeout how long the remote may stay silent before the clone gives up
 */
public record RemoteAccess(boolean allowFile, @Nullable Credentials credentials, Duration timeout) {

    public RemoteAccess {
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }

    /** https only, anonymous, a minute of silence allowed. */
    public static RemoteAccess httpsOnly() {
        return new RemoteAccess(false, null, Duration.ofMinutes(1));
    }

    public RemoteAccess allowingFile() {
        return new RemoteAccess(true, credentials, timeout);
    }

    public RemoteAccess withCredentials(Credentials given) {
        return new RemoteAccess(allowFile, given, timeout);
    }

    /** A user name and a password or token for https; never printed. */
    public record Credentials(String username, String password) {
        public Credentials {
            requireNonNull(username, "username");
            requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=(hidden)]";
        }
    }
}
