package dev.curation.git;

import static java.util.Objects.requireNonNull;

/** A person as git names them: a name and an e-mail address (either may be empty in odd commits). */
public record Identity(String name, String email) {
    public Identity {
        requireNonNull(name, "name");
        requireNonNull(email, "email");
    }
}
