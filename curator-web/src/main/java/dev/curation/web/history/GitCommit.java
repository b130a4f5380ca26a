package dev.curation.web.history;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The commit a version from git came from, as a history row carries it: the page names its short
 * id, its author (the name only: an e-mail address is not shown on pages), the author date in the
 * author's own offset as git shows it, the co-authors and, for a merge, the authors it brought.
 */
public record GitCommit(String id, @Nullable Person author, @Nullable String authoredAt, @Nullable List<Person> coAuthors,
                        @Nullable List<Person> mergedAuthors, @Nullable String message) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    /** A person in a commit; the e-mail is read but never shown. */
    public record Person(@Nullable String name, @Nullable String email) {

        String shown() {
            return name != null && !name.isBlank() ? name : Objects.requireNonNullElse(email, "");
        }
    }

    /** The abbreviated id, as people read it. */
    public String shortId() {
        return id.length() > 7 ? id.substring(0, 7) : id;
    }

    public String authorName() {
        return author == null ? "" : author.shown();
    }

    /** The author date as git shows it, in the author's offset ("2020-02-03 14:30 -05:00"), as sent if unreadable. */
    public String authorDate() {
        if (authoredAt == null) {
            return "";
        }
        try {
            return SHOWN.format(OffsetDateTime.parse(authoredAt));
        } catch (DateTimeParseException unreadable) {
            return authoredAt;
        }
    }

    /** The message's first line. */
    public String subject() {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** The co-authors' names, comma-separated; empty for none. */
    public String coAuthorNames() {
        return names(coAuthors);
    }

    /** The names of the authors a merge brought; empty for none. */
    public String mergedAuthorNames() {
        return names(mergedAuthors);
    }

    private static String names(@Nullable List<Person> people) {
        return people == null ? "" : people.stream().map(Person::shown).filter(name -> !name.isEmpty()).distinct()
                .collect(Collectors.joining(", "));
    }
}
