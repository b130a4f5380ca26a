package dev.curation.core.list;

import java.util.Objects;

/** A person as git names them: a name and an e-mail address (kept as the commit says, maybe empty). */
public record GitPerson(String name, String email) {

    public GitPerson {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /** How git shows the person, {@code Name <email>}: the actor of a version from git (no account has it). */
    public String display() {
        return email.isEmpty() ? name : name + " <" + email + ">";
    }
}
