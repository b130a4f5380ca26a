package dev.curation.git;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.FooterKey;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The {@code Co-authored-by:} trailers of a commit (GitHub's convention): JGit finds the trailers
 * of the message's last paragraph, the key matched without regard to case. A value is kept when
 * it reads {@code Name <e-mail>} with both parts present, as GitHub requires; others are ignored.
 * Repeated people are listed once, in the order of the trailers.
 */
final class CoAuthors {

    private static final FooterKey CO_AUTHORED_BY = new FooterKey("Co-authored-by");
    private static final Pattern NAME_EMAIL = Pattern.compile("^\\s*(.*?)\\s*<([^<>]*)>\\s*$");

    private CoAuthors() {
    }

    static List<Identity> of(RevCommit commit) {
        Set<Identity> people = new LinkedHashSet<>();
        for (String value : commit.getFooterLines(CO_AUTHORED_BY)) {
            Matcher m = NAME_EMAIL.matcher(value);
            if (m.matches() && !m.group(1).isEmpty() && !m.group(2).isBlank()) {
                people.add(new Identity(m.group(1), m.group(2).strip()));
            }
        }
        return List.copyOf(people);
    }
}
