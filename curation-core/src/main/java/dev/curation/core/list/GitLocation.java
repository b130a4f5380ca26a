package dev.curation.core.list;

import dev.curation.core.input.InputException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One file on one branch of a repository, checked: an {@code https://} URL (or {@code file:} where a
 * service allows local repositories) without credentials, a branch name git takes, and a path
 * inside the repository. Each refusal names its field.
 */
public record GitLocation(String repository, String branch, String path) {

    /** A branch name git would take, without the characters git refuses in ref names. */
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,250}");

    public static GitLocation of(@Nullable String repository, @Nullable String branch, @Nullable String path) {
        return new GitLocation(repository(repository), branch(branch), path(path));
    }

    /** True for a {@code file:} URL (a repository on the service's own disk). */
    public boolean isLocal() {
        return repository.toLowerCase(Locale.ROOT).startsWith("file:");
    }

    private static String repository(@Nullable String value) {
        String url = required("repository", value);
        String lower = url.toLowerCase(Locale.ROOT);
        // plain http:// passes here only for a service that allows it in tests (and says so itself)
        if (!lower.startsWith("https://") && !lower.startsWith("http://") && !lower.startsWith("file:/")) {
            throw new InputException.Invalid("repository", "must be an https:// URL (or file:// where the service "
                    + "allows local repositories)");
        }
        int hostStart = url.indexOf("//") + 2;
        int hostEnd = url.indexOf('/', hostStart);
        String authority = url.substring(hostStart, hostEnd < 0 ? url.length() : hostEnd);
        if (authority.contains("@")) {
            throw new InputException.Invalid("repository", "must not carry a user name or password: give credentials "
                    + "in the request's \"credentials\", which are kept apart from the list's history");
        }
        return url;
    }

    private static String branch(@Nullable String value) {
        String branch = required("branch", value);
        if (!BRANCH.matcher(branch).matches() || branch.contains("..") || branch.startsWith("/") || branch.endsWith("/")
                || branch.endsWith(".lock") || branch.startsWith("-")) {
            throw new InputException.Invalid("branch", "is not a branch name git takes: letters, digits, '.', '_', '-' "
                    + "and '/' between names");
        }
        return branch;
    }

    private static String path(@Nullable String value) {
        String path = required("path", value);
        if (path.startsWith("/") || path.endsWith("/") || path.contains("\\") || path.contains("//")
                || List.of(path.split("/")).stream().anyMatch(part -> part.equals("..") || part.equals(".")
                || part.equalsIgnoreCase(".git"))) {
            throw new InputException.Invalid("path", "must be a file's path inside the repository, like README.md or "
                    + "docs/list.md");
        }
        return path;
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InputException.Invalid(field, "is required");
        }
        return value.strip();
    }
}
