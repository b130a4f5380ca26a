/**
 * The read side of the git bridge (issue 28, docs/adr/0026): {@link dev.curation.git.FileHistory}
 * walks the first-parent history of one file on one branch, following renames, and hands out
 * one {@link dev.curation.git.FileVersion} per commit that changed the file's bytes, oldest
 * first, streamed and resumable after a commit; {@link dev.curation.git.BareClone} clones a
 * repository URL into a temporary bare repository first. The write side: a {@link dev.curation.git.Mirror}
 * kept per bridge (fetch, push), {@link dev.curation.git.CommitWriter} (commits built in memory),
 * {@link dev.curation.git.Push} (with a lease, never forced), {@link dev.curation.git.Trailers} and
 * {@link dev.curation.git.Ancestry}. The host's git configuration is ignored
 * ({@code GitConfigIsolation}). Refusals are
 * {@link dev.curation.git.GitBridgeException}s with a {@link dev.curation.git.GitBridgeException.Reason}.
 * JGit only: no Spring, no {@code git} binary.
 */
@NullMarked
package dev.curation.git;

import org.jspecify.annotations.NullMarked;
