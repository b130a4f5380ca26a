package dev.curation.command.git.web;

import dev.curation.core.input.InputException;
import dev.curation.git.RemoteAccess;
import org.jspecify.annotations.Nullable;

/** Credentials for an https repository as a request gives them; kept apart from events, never answered. */
record GitCredentialsBody(@Nullable String username, @Nullable String password) {

    static RemoteAccess.@Nullable Credentials of(@Nullable GitCredentialsBody body) {
        if (body == null) {
            return null;
        }
        if (body.username() == null || body.username().isBlank() || body.password() == null || body.password().isEmpty()) {
            throw new InputException.Invalid("credentials", "needs a username and a password (or token)");
        }
        if (body.username().length() > 200 || body.password().length() > 1000) {
            throw new InputException.Invalid("credentials", "are too long");
        }
        return new RemoteAccess.Credentials(body.username(), body.password());
    }

    @Override
    public String toString() {
        return "GitCredentialsBody[username=" + username + ", password=(hidden)]";
    }
}
