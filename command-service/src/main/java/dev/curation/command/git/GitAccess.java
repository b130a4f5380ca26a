package dev.curation.command.git;

import dev.curation.core.input.InputException;
import dev.curation.core.list.GitLocation;
import dev.curation.git.RemoteAccess;
import dev.curation.links.AddressGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether and how the bridge may reach a repository: {@code file:} only where allowed, https hosts
 * held to the webhooks' rule on private and loopback addresses, credentials from the list's own.
 */
@Component
public class GitAccess {

    private final GitProperties properties;
    private final AddressGuard guard;

    GitAccess(GitProperties properties) {
        this.properties = properties;
        this.guard = new AddressGuard(properties.allowPrivateAddresses());
    }

    /** @throws InputException.Invalid naming the repository when the service may not reach it */
    public void check(GitLocation location) {
        String lower = location.repository().toLowerCase(Locale.ROOT);
        if (location.isLocal()) {
            if (!properties.allowFile()) {
                throw new InputException.Invalid("repository", "file: repositories are not allowed on this service "
                        + "(curation.git.allow-file is off); give an https:// URL");
            }
            return;
        }
        if (!lower.startsWith("https://") && !(properties.allowPlainHttp() && lower.startsWith("http://"))) {
            throw new InputException.Invalid("repository", "must be an https:// URL");
        }
        String host;
        try {
            host = new URI(location.repository()).getHost();
        } catch (URISyntaxException e) {
            throw new InputException.Invalid("repository", "is not a URL: " + e.getReason());
        }
        if (host == null) {
            throw new InputException.Invalid("repository", "has no host");
        }
        Optional<String> refused;
        try {
            refused = guard.whyRefused(host);
        } catch (UnknownHostException e) {
            throw new InputException.Invalid("repository", "names a host that does not resolve: " + host);
        }
        refused.ifPresent(why -> {
            throw new InputException.Invalid("repository", "is refused: " + why);
        });
    }

    /** How to reach {@code location}, with {@code credentials} when given. */
    public RemoteAccess access(GitLocation location, RemoteAccess.@Nullable Credentials credentials) {
        // the host is checked again when it is reached: a name may resolve elsewhere by then
        RemoteAccess access = new RemoteAccess(properties.allowFile(), null, properties.timeout())
                .withHostCheck(this::whyRefused);
        if (properties.allowPlainHttp()) {
            access = access.allowingPlainHttp();
        }
        return credentials == null ? access : access.withCredentials(credentials);
    }

    private Optional<String> whyRefused(String host) {
        try {
            return guard.whyRefused(host);
        } catch (UnknownHostException e) {
            return Optional.of(host + " does not resolve");
        }
    }
}
