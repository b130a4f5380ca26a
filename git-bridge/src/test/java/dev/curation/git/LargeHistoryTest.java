package dev.curation.git;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand commits of a 1 MB file: 1 GB of versions, walked in a test JVM of 256 MB heap
 * (git-bridge/pom.xml), so the walk completes only if it does not keep the versions it handed out.
 */
class LargeHistoryTest {

    private static final int COMMITS = 1_000;
    private static final int SIZE = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aThousandVersionsOfAMegabyteFileAreWalkedOneAtATime() throws Exception {
        try (Repository repository = FileRepositoryBuilder.create(dir.resolve("big.git").toFile())) {
            repository.create(true);
            int versions = build(repository);

            long count = 0;
            long bytes = 0;
            try (HistoryWalk walk = FileHistory.of(repository, "main", "README.md").walk()) {
                assertThat(walk.total()).isEqualTo(versions);
                while (walk.hasNext()) {
                    FileVersion version = walk.next();
                    assertThat(version.size()).isEqualTo(SIZE);
                    assertThat(version.message()).isEqualTo("Version " + (count + 1) + "\n");
                    assertThat(new String(version.bytes(), 0, 8, US_ASCII)).isEqualTo("%08d".formatted(count + 1));
                    count++;
                    bytes += version.size();
                }
            }
            assertThat(count).isEqualTo(versions);
            assertThat(bytes).isGreaterThan(Runtime.getRuntime().maxMemory());
        }
    }

    /** A linear history of {@link #COMMITS} commits, every tenth touching only another file; the number of versions. */
    private static int build(Repository repository) throws Exception {
        byte[] content = new byte[SIZE];
        Arrays.fill(content, (byte) 'x');
        for (int i = 99; i < SIZE; i += 100) {
            content[i] = '\n';
        }
        ObjectId parent = null;
        int versions = 0;
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId readme = null;
            for (int i = 1; i <= COMMITS; i++) {
                boolean otherFile = i % 10 == 0;
                if (!otherFile || readme == null) {
                    versions++;
                    byte[] number = "%08d".formatted(versions).getBytes(US_ASCII);
                    System.arraycopy(number, 0, content, 0, number.length);
                    readme = inserter.insert(Constants.OBJ_BLOB, content);
                }
                TreeFormatter tree = new TreeFormatter();
                if (otherFile) {
                    tree.append("NOTES.md", FileMode.REGULAR_FILE,
                            inserter.insert(Constants.OBJ_BLOB, ("note " + i + "\n").getBytes(US_ASCII)));
                }
                tree.append("README.md", FileMode.REGULAR_FILE, readme);
                PersonIdent author = new PersonIdent("Author " + i % 7, "a" + i % 7 + "@example.org",
                        Instant.parse("2015-01-01T00:00:00Z").plusSeconds(3600L * i), ZoneOffset.UTC);
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(inserter.insert(tree));
                if (parent != null) {
                    commit.setParentId(parent);
                }
                commit.setAuthor(author);
                commit.setCommitter(author);
                commit.setMessage(otherFile ? "Notes " + i + "\n" : "Version " + versions + "\n");
                parent = inserter.insert(commit);
            }
            inserter.flush();
        }
        RefUpdate update = repository.updateRef("refs/heads/main");
        update.setNewObjectId(parent);
        update.forceUpdate();
        return versions;
    }
}
