package dev.curation.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitWriterTest {

    static final Signature ADA = new Signature("Ada Lovelace", "ada@example.org",
            OffsetDateTime.parse("2026-03-04T10:11:12+05:30"));
    static final Signature BRIDGE = new Signature("Curation Bridge", "bridge@curation.invalid",
            OffsetDateTime.parse("2026-03-04T06:00:00Z"));
    /** CRLF line ends, a BOM-less Latin-1 byte that is not UTF-8, no final newline. */
    static final byte[] ODD_BYTES = concat("# Links\r\n\r\n- [caf".getBytes(UTF_8), new byte[] {(byte) 0xE9},
            "](https://example.org) \r\n- b".getBytes(UTF_8));

    @TempDir
    Path dir;

    @Test
    void replacesOnlyTheNestedPathAndKeepsEveryOtherEntryAndTheBytes() throws Exception {
        String parent;
        try (WorkRepo repo = WorkRepo.init(dir.resolve("work"))) {
            parent = repo.write("README.md", "# Readme\r\n").write("docs/list.md", "# Old\n")
                    .write("docs/other.txt", "other\n").write("src/a/b.txt", "deep\n")
                    .commit(repo.person("Bob", "+01:00"), "Start");
            Repository repository = repo.repository();
            String message = Trailers.append("Add a link\n\nBecause it is good.",
                    List.of(new Trailer(Trailers.CURATION_LIST, "awesome-things"), new Trailer(Trailers.CURATION_VERSION, "7"),
                            new Trailer(Trailers.PROPOSAL, "p-42"), new Trailer(Trailers.REVIEWED_BY, "Bob <bob@example.org>")));
            String commit = CommitWriter.write(repository, parent, "docs/list.md", ODD_BYTES, ADA, BRIDGE, message);

            Map<String, String> before = entries(repository, parent);
            Map<String, String> after = entries(repository, commit);
            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            before.remove("docs/list.md");
            after.remove("docs/list.md");
            assertThat(after).isEqualTo(before);
            assertThat(subtree(repository, commit, "src")).isEqualTo(subtree(repository, parent, "src"));
            assertThat(blob(repository, commit, "docs/list.md")).isEqualTo(ODD_BYTES);

            // the git command line reads what JGit wrote, exactly
            GitCli git = new GitCli(repo.dir());
            git.run("fsck", "--strict", "--no-dangling");
            assertThat(git.bytes(new byte[0], "show", commit + ":docs/list.md")).isEqualTo(ODD_BYTES);
            assertThat(git.run("log", "-1", "--format=%an|%ae|%aI|%cn|%ce|%cI|%P", commit)).isEqualTo(
                    "Ada Lovelace|ada@example.org|2026-03-04T10:11:12+05:30|Curation Bridge|bridge@curation.invalid"
                            + "|2026-03-04T06:00:00+00:00|" + parent + "\n");
            assertThat(git.run("log", "-1", "--format=%(trailers:key=Curation-Version,valueonly)", commit)).isEqualTo("7\n\n");
            assertThat(git.run("log", "-1", "--format=%(trailers:key=Reviewed-by,valueonly)", commit))
                    .isEqualTo("Bob <bob@example.org>\n\n");
            assertThat(new String(git.bytes(message.getBytes(UTF_8), "interpret-trailers", "--parse"), UTF_8)).isEqualTo(
                    "Curation-List: awesome-things\nCuration-Version: 7\nProposal: p-42\nReviewed-by: Bob <bob@example.org>\n");
            assertThat(git.run("log", "-1", "--format=%B", commit)).isEqualTo(message + "\n");
            assertThat(git.run("show", "--stat", "--format=", commit)).contains("docs/list.md").doesNotContain("README");

            // the read side sees the commit as a version, with its trailers
            setBranch(repository, "main", commit);
            try (HistoryWalk walk = FileHistory.of(repository, "main", "docs/list.md").walkAfter(parent)) {
                FileVersion version = walk.next();
                assertThat(version.bytes()).isEqualTo(ODD_BYTES);
                assertThat(version.author()).isEqualTo(ADA);
                assertThat(version.committer()).isEqualTo(BRIDGE);
                assertThat(version.trailers()).extracting(Trailer::key).containsExactly("Curation-List", "Curation-Version",
                        "Proposal", "Reviewed-by");
                assertThat(Trailers.values(version.message(), "curation-version")).containsExactly("7");
            }
        }
    }

    @Test
    void chainsCommitsAddsNewFoldersAndKeepsAnExecutableBit() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir.resolve("work"))) {
            String parent = repo.write("README.md", "# Readme\n").commit(repo.person("Bob", "Z"), "Start");
            Repository repository = repo.repository();
            Files.setPosixFilePermissions(repo.dir().resolve("README.md"), PosixFilePermissions.fromString("rwxr-xr-x"));
            new GitCli(repo.dir()).commitAll("Bob", "2026-01-01T00:00:00Z", "Make it executable");
            String base = repository.resolve("HEAD").name();
            String first = CommitWriter.write(repository, base, "lists/deep/new.md", "one\n".getBytes(UTF_8), ADA, BRIDGE,
                    "First\n");
            String second = CommitWriter.write(repository, first, "README.md", "# Readme 2\n".getBytes(UTF_8), ADA, BRIDGE,
                    "Second\n");
            GitCli git = new GitCli(repo.dir());
            assertThat(git.run("rev-list", "--first-parent", second).lines().toList())
                    .containsExactly(second, first, base, parent);
            assertThat(git.run("ls-tree", "-r", second)).contains("100755 blob").contains("lists/deep/new.md");
            assertThat(git.run("ls-tree", "-r", "--name-only", second).lines().toList())
                    .containsExactly("README.md", "lists/deep/new.md");
            assertThat(Ancestry.firstParentsBetween(repository, base, second)).containsExactly(first, second);
            assertThat(Ancestry.isAncestor(repository, parent, second)).isTrue();
            assertThat(Ancestry.isAncestor(repository, second, parent)).isFalse();
        }
    }

    @Test
    void aFirstCommitHasOnlyTheFile() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir.resolve("work"))) {
            Repository repository = repo.repository();
            String commit = CommitWriter.write(repository, null, "docs/list.md", ODD_BYTES, ADA, ADA, "Start\n");
            assertThat(entries(repository, commit)).containsOnlyKeys("docs/list.md");
            GitCli git = new GitCli(repo.dir());
            assertThat(git.run("log", "-1", "--format=%P|%s", commit)).isEqualTo("|Start\n");
            assertThat(git.bytes(new byte[0], "cat-file", "blob", commit + ":docs/list.md")).isEqualTo(ODD_BYTES);
        }
    }

    @Test
    void refusesAPathThatIsAFolderOrRunsThroughAFileAndPathsOutside() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir.resolve("work"))) {
            String parent = repo.write("docs/list.md", "x\n").write("notes", "y\n").commit(repo.person("Bob", "Z"), "Start");
            Repository repository = repo.repository();
            for (String path : List.of("docs", "notes/list.md", "../x.md", ".git/config")) {
                assertThatThrownBy(() -> CommitWriter.write(repository, parent, path, new byte[0], ADA, ADA, "x\n"))
                        .isInstanceOf(GitBridgeException.class)
                        .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(Reason.PATH_OUTSIDE_REPOSITORY);
            }
            assertThatThrownBy(() -> CommitWriter.write(repository, parent, "a.md", new byte[0],
                    new Signature("Eve <evil>", "e@x", ADA.when()), ADA, "x\n")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static Map<String, String> entries(Repository repository, String commit) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            tree.addTree(c.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                entries.put(tree.getPathString(), tree.getFileMode(0) + " " + tree.getObjectId(0).name());
            }
        }
        return entries;
    }

    static ObjectId subtree(Repository repository, String commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(ObjectId.fromString(commit)).getTree())) {
            return tree.getObjectId(0);
        }
    }

    static byte[] blob(Repository repository, String commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(ObjectId.fromString(commit)).getTree())) {
            return repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes();
        }
    }

    static void setBranch(Repository repository, String branch, String commit) throws IOException {
        RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
        update.setNewObjectId(ObjectId.fromString(commit));
        update.setForceUpdate(true);
        update.update();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
