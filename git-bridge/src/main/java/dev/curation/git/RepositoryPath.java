package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;

/**
 * The check of a file path given by a caller: a relative path of plain segments separated by
 * {@code /}, as git stores it in trees. Refused: empty, absolute, a backslash, an empty, {@code .}
 * or {@code ..} segment (so nothing points outside the repository or at itself), a NUL, and
 * anything inside {@code .git}.
 */
final class RepositoryPath {

    private RepositoryPath() {
    }

    static String check(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw refused(path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.equalsIgnoreCase(".git")) {
                throw refused(path);
            }
        }
        return path;
    }

    private static GitBridgeException refused(String path) {
        return new GitBridgeException(Reason.PATH_OUTSIDE_REPOSITORY, "the path \"" + path
                + "\" is not a file path inside the repository (a relative path such as docs/README.md,"
                + " without ../, ./, a leading / or .git)");
    }
}
