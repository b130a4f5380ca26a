package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * The checks every URL and branch name given to the bridge passes before any network access:
 * the scheme ({@code https}; {@code file} and {@code http} only as {@link RemoteAccess} allows),
 * no user name or password inside the URL (it would end up in logs and events; credentials come
 * from {@link RemoteAccess#credentials()}), and the host asked of {@link RemoteAccess#hostCheck()}.
 */
final class RemoteUrls {

    private RemoteUrls() {
    }

    static void check(String url, RemoteAccess access) {
        String use = "use https://host/path" + (access.allowFile() ? " or file:///path" : " (file:// is off here)");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw notAllowed("the repository URL is not a valid URL: " + use);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = switch (scheme) {
            case "https" -> uri.getHost() != null;
            case "http" -> access.allowPlainHttp() && uri.getHost() != null;
            case "file" -> access.allowFile() && uri.getPath() != null && !uri.getPath().isEmpty();
            default -> false;
        };
        if (!allowed) {
            // the URL itself is not repeated: it may carry a password
            throw notAllowed("the repository URL is not an allowed one: " + use);
        }
        if (uri.getRawUserInfo() != null) {
            throw notAllowed("the repository URL may not carry a user name or password; configure credentials instead");
        }
        RemoteAccess.HostCheck hostCheck = access.hostCheck();
        String host = uri.getHost();
        if (hostCheck != null && host != null) {
            Optional<String> why = hostCheck.whyRefused(host);
            if (why.isPresent()) {
                throw notAllowed("the repository's host " + host + " may not be reached: " + why.get());
            }
        }
    }

    /** The short branch name checked ({@code main}, not {@code refs/heads/main}). */
    static String checkBranch(String branch) {
        if (branch.isEmpty() || !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new GitBridgeException(Reason.NO_SUCH_BRANCH, "\"" + branch + "\" is not a branch name");
        }
        return branch;
    }

    private static GitBridgeException notAllowed(String message) {
        return new GitBridgeException(Reason.URL_NOT_ALLOWED, message);
    }
}
