package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEditor.PathEdit;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/**
 * Writes a commit straight into a repository's object database, no working tree and no index
 * file: the file's bytes as a blob, a tree equal to the parent's with only that path replaced
 * (every other entry keeps its id and mode, the trees along the path are rebuilt, a file already
 * executable stays so), and the commit. No ref moves: the commit is sent with {@link Push} (or
 * {@link Mirror#push}), and several can be chained first, each the parent of the next. The bytes
 * are stored as given (no line-ending or encoding filter: {@code core.autocrlf} and
 * {@code .gitattributes} only apply to working trees, which there are none of here).
 */
public final class CommitWriter {

    private CommitWriter() {
    }

    /**
     * Writes one commit and returns its id (40 hex digits).
     *
     * @param parentId  the commit this one follows, or null for the first commit of a branch
     *                  (the tree then holds only the file)
     * @param path      where the file goes, e.g. {@code README.md} or {@code docs/list.md}
     * @param message   stored as given; {@link Trailers#append} makes one with trailers
     */
    public static String write(Repository repository, @Nullable String parentId, String path, byte[] bytes,
            Signature author, Signature committer, String message) {
        return write(repository, parentId, List.of(), path, bytes, author, committer, message);
    }

    /**
     * A merge: as {@link #write(Repository, String, String, byte[], Signature, Signature, String)}, the
     * tree that of {@code parentId} with the file replaced, and {@code mergedIds} as further parents.
     */
    public static String write(Repository repository, @Nullable String parentId, List<String> mergedIds, String path,
            byte[] bytes, Signature author, Signature committer, String message) {
        String file = RepositoryPath.check(path);
        ObjectId parentCommit = parentId == null ? null : commitId(parentId);
        PersonIdent authorIdent = ident(author, "author");
        PersonIdent committerIdent = ident(committer, "committer");
        try (ObjectInserter inserter = repository.newObjectInserter();
                ObjectReader reader = inserter.newReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit parent = parentCommit == null ? null : walk.parseCommit(parentCommit);
            DirCache index = DirCache.newInCore();
            FileMode mode = FileMode.REGULAR_FILE;
            if (parent != null) {
                RevTree tree = parent.getTree();
                mode = modeFor(reader, tree, file);
                index = DirCache.read(reader, tree);
            }
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, bytes);
            DirCacheEditor editor = index.editor();
            FileMode fileMode = mode;
            editor.add(new PathEdit(file) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(fileMode);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            List<ObjectId> parents = new ArrayList<>();
            if (parent != null) {
                parents.add(parent);
            }
            for (String merged : mergedIds) {
                parents.add(walk.parseCommit(commitId(merged)));
            }
            commit.setParentIds(parents);
            commit.setAuthor(authorIdent);
            commit.setCommitter(committerIdent);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        } catch (IOException e) {
            throw new GitBridgeException(Reason.WRITE_FAILED, "could not write a commit of \"" + file + "\" on "
                    + parentId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The mode the file keeps: executable if it was, else a regular file. Refused when the path
     * is a folder, a submodule or a symbolic link in the parent, or runs through a file.
     */
    private static FileMode modeFor(ObjectReader reader, RevTree tree, String path) throws IOException {
        int slash = path.indexOf('/');
        while (slash > 0) {
            String folder = path.substring(0, slash);
            try (TreeWalk walk = TreeWalk.forPath(reader, folder, tree)) {
                if (walk != null && walk.getFileMode(0) != FileMode.TREE) {
                    throw notAFile(path, "\"" + folder + "\" is not a folder there");
                }
            }
            slash = path.indexOf('/', slash + 1);
        }
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) {
                return FileMode.REGULAR_FILE;
            }
            FileMode mode = walk.getFileMode(0);
            if (mode == FileMode.EXECUTABLE_FILE || mode == FileMode.REGULAR_FILE) {
                return mode;
            }
            throw notAFile(path, "it is a " + (mode == FileMode.TREE ? "folder" : mode == FileMode.GITLINK
                    ? "submodule" : "symbolic link") + " there");
        }
    }

    private static GitBridgeException notAFile(String path, String why) {
        return new GitBridgeException(Reason.PATH_OUTSIDE_REPOSITORY, "cannot write the file \"" + path + "\": " + why);
    }

    private static ObjectId commitId(String hex) {
        try {
            return ObjectId.fromString(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the parent \"" + hex + "\" is not a full commit id (40 hex digits)", e);
        }
    }

    /** Git's ident line has no room for angle brackets or line breaks in a name or e-mail. */
    private static PersonIdent ident(Signature signature, String role) {
        for (String part : new String[] {signature.name(), signature.email()}) {
            if (part.indexOf('<') >= 0 || part.indexOf('>') >= 0 || part.indexOf('\n') >= 0 || part.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("the " + role + "'s name or e-mail has a character git cannot store"
                        + " there (<, >, a line break or NUL)");
            }
        }
        return new PersonIdent(signature.name(), signature.email(), signature.when().toInstant(),
                signature.when().getOffset());
    }
}
