package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jspecify.annotations.Nullable;

/** A file's bytes at a commit, as stored. */
public final class Files {

    private Files() {
    }

    /** The file at {@code path} in {@code commitId}, or null when the commit has no such file. */
    public static byte @Nullable [] at(Repository repository, String commitId, String path) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            ObjectId blob = Trees.fileAt(reader, commit.getTree(), RepositoryPath.check(path));
            return blob == null ? null : reader.open(blob).getBytes();
        } catch (IOException | IllegalArgumentException e) {
            throw new GitBridgeException(Reason.READ_FAILED, "could not read \"" + path + "\" at " + commitId + ": "
                    + e.getMessage(), e);
        }
    }
}
