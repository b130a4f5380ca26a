package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;

/**
 * Turns what JGit throws while talking to a remote into a {@link GitBridgeException}: refused
 * credentials are {@link Reason#AUTH_FAILED}, a remote that is not there or not answering is
 * {@link Reason#UNREACHABLE}, anything else the {@code otherwise} reason. JGit's messages name the
 * URL (never with credentials: the URL may not carry any, see {@link RemoteUrls}) and the HTTP
 * status; the password is never part of them.
 */
final class RemoteFailures {

    private RemoteFailures() {
    }

    static GitBridgeException of(String doing, String url, Throwable failure, Reason otherwise) {
        Reason reason = reason(failure, otherwise);
        String why = switch (reason) {
            case AUTH_FAILED -> "the remote refused the credentials (or needs some and none are configured)";
            case UNREACHABLE -> "the remote could not be reached";
            default -> "it failed";
        };
        return new GitBridgeException(reason, "could not " + doing + " " + url + ": " + why + " (" + detail(failure) + ")",
                failure);
    }

    private static Reason reason(Throwable failure, Reason otherwise) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("not authorized") || message.contains("authentication is required")
                    || message.contains("authentication not supported")) {
                return Reason.AUTH_FAILED;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoRemoteRepositoryException) {
                return otherwise;
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof InterruptedIOException) {
                return Reason.UNREACHABLE;
            }
        }
        return failure instanceof TransportException || failure.getCause() instanceof TransportException
                || failure.getCause() instanceof IOException ? Reason.UNREACHABLE : otherwise;
    }

    private static String detail(Throwable failure) {
        Throwable t = failure;
        Throwable cause = t.getCause();
        while (t.getMessage() == null && cause != null) {
            t = cause;
            cause = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
