package dev.curation.git;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * How the bridge may reach a repository URL: {@code https://} always, with these credentials
 * when given; {@code file://} only when {@code allowFile} is set (the local stack and tests: a
 * service must not read its own disk on a caller's say-so); plain {@code http://} only when
 * {@code allowPlainHttp} is set, which is for tests alone (a test git server on 127.0.0.1 has no
 * certificate; credentials would cross the wire in clear anywhere else); nothing else.
 *
 * @param timeout        how long the remote may stay silent before the clone, fetch or push gives up
 * @param hostCheck      asked about the host of every network URL before anything is sent there
 *                       (the services refuse private and loopback addresses with it); null: any host
 * @param allowPlainHttp tests only: also allow {@code http://}
 */
public record RemoteAccess(boolean allowFile, @Nullable Credentials credentials, Duration timeout,
        @Nullable HostCheck hostCheck, boolean allowPlainHttp) {

    public RemoteAccess {
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }

    /** https (and file:// when {@code allowFile}) with no host check. */
    public RemoteAccess(boolean allowFile, @Nullable Credentials credentials, Duration timeout) {
        this(allowFile, credentials, timeout, null, false);
    }

    /** https only, anonymous, a minute of silence allowed, any host. */
    public static RemoteAccess httpsOnly() {
        return new RemoteAccess(false, null, Duration.ofMinutes(1));
    }

    public RemoteAccess allowingFile() {
        return new RemoteAccess(true, credentials, timeout, hostCheck, allowPlainHttp);
    }

    public RemoteAccess withCredentials(Credentials given) {
        return new RemoteAccess(allowFile, given, timeout, hostCheck, allowPlainHttp);
    }

    public RemoteAccess withTimeout(Duration given) {
        return new RemoteAccess(allowFile, credentials, given, hostCheck, allowPlainHttp);
    }

    /** The same access, asking {@code check} about every host before connecting to it. */
    public RemoteAccess withHostCheck(HostCheck check) {
        return new RemoteAccess(allowFile, credentials, timeout, check, allowPlainHttp);
    }

    /**
     * FOR TESTS ONLY: the same access, also allowing plain {@code http://} URLs (a test git server
     * on 127.0.0.1). Never set by the services' configuration: over plain HTTP the credentials and
     * the content travel unprotected.
     */
    public RemoteAccess allowingPlainHttp() {
        return new RemoteAccess(allowFile, credentials, timeout, hostCheck, true);
    }

    @Nullable CredentialsProvider credentialsProvider() {
        return credentials == null ? null
                : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }

    int timeoutSeconds() {
        return Math.toIntExact(Math.max(1, timeout.toSeconds()));
    }

    /**
     * Decides whether a host may be connected to, before any network access (DNS included, if the
     * check resolves names itself): the services plug in the address guard they use for webhooks.
     */
    @FunctionalInterface
    public interface HostCheck {
        /** Empty when the host may be reached, else why not, in words for the owner of the bridge. */
        Optional<String> whyRefused(String host);
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
