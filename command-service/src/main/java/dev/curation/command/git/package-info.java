/**
 * The git bridge of the command service: a list's history imported from one file of a repository
 * ({@link dev.curation.command.git.GitImports}), and a list kept in step with that file
 * ({@link dev.curation.command.git.GitSync}: every accepted version published as a commit, outside
 * commits pulled as versions). The git work itself is the {@code git-bridge} module's; the rules
 * are curation-core's (the bridge sends commands as {@code git-bridge}, with the global role
 * {@code GIT_BRIDGE}).
 */
@NullMarked
package dev.curation.command.git;

import org.jspecify.annotations.NullMarked;
