package dev.curation.git;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * An author or committer line of a commit: who, and when in the time zone they recorded (git
 * keeps an offset, not a zone name, so an {@link OffsetDateTime} is exact).
 */
public record Signature(String name, String email, OffsetDateTime when) {

    public Signature {
        requireNonNull(name, "name");
        requireNonNull(email, "email");
        requireNonNull(when, "when");
    }

    static Signature of(PersonIdent ident) {
        return new Signature(ident.getName(), ident.getEmailAddress(),
                OffsetDateTime.ofInstant(ident.getWhenAsInstant(), ident.getZoneOffset()));
    }

    public Identity identity() {
        return new Identity(name, email);
    }
}
