package dev.curation.web.home;

import org.jspecify.annotations.Nullable;

/**
 * The "import from git" form as shown: empty with the usual branch and file at first, what was
 * typed after a refusal. Never a password: that field is always empty.
 *
 * @param field the field the API refused (slug, repository, branch, path, credentials), empty for none
 */
public record GitImportForm(String slug, String repository, String branch, String path, String username, String field) {

    static GitImportForm empty() {
        return new GitImportForm("", "", "main", "README.md", "", "");
    }

    GitImportForm refusedOn(String refused) {
        return new GitImportForm(slug, repository, branch, path, username, refused);
    }

    /** Whether the API refused {@code name} ({@code username} and {@code password} are both the credentials). */
    public boolean refused(String name) {
        return !field.isEmpty() && (field.equals(name)
                || field.equals("credentials") && (name.equals("username") || name.equals("password")));
    }

    /** The refusal's id for the field's aria-describedby, null when the field is not refused. */
    public @Nullable String errorId(String name) {
        return refused(name) ? "import-refusal" : null;
    }

    /**
     * The field a refusal concerns: the problem's {@code field} ({@code repository} or {@code
     * git.repository} alike), else the slug for a slug refused or taken; empty if none.
     */
    static String fieldOf(@Nullable String named, String type) {
        if (named != null) {
            String last = named.substring(named.lastIndexOf('.') + 1);
            return switch (last) {
                case "slug", "repository", "branch", "path", "credentials" -> last;
                default -> "";
            };
        }
        return type.endsWith("invalid-slug") || type.endsWith("slug-taken") ? "slug" : "";
    }
}
