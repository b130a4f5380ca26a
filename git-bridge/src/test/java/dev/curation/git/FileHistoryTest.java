package dev.curation.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHistoryTest {

    @TempDir
    Path dir;

    private static List<FileVersion> all(FileHistory history) {
        try (HistoryWalk walk = history.walk()) {
            return walk.stream().toList();
        }
    }

    private static String text(FileVersion version) {
        return new String(version.bytes(), UTF_8);
    }

    @Test
    void aLinearHistoryGivesOneVersionPerCommitOldestFirstWithItsAuthorDateAndMessage() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir)) {
            PersonIdent ada = repo.person("Ada", "+02:00");
            String first = repo.write("README.md", "# Awesome\n").commit(ada, "Start the list");
            PersonIdent bob = repo.person("Bob", "-05:00");
            String second = repo.write("README.md", "# Awesome\n\n- [a](https://a.example)\n").commit(bob, "Add a\n\nBecause a is good.\n");
            PersonIdent carol = repo.person("Carol", "+08:00");
            String third = repo.write("README.md", "# Awesome\n\n- [a](https://a.example)\n- [b](https://b.example)\n")
                    .commit(carol, "Add b");

            FileHistory history = FileHistory.of(repo.repository(), "main", "README.md");
            List<FileVersion> versions = all(history);

            assertThat(history.head()).isEqualTo(third);
            assertThat(versions).extracting(FileVersion::commitId).containsExactly(first, second, third);
            assertThat(versions).extracting(v -> v.author().name()).containsExactly("Ada", "Bob", "Carol");
            assertThat(versions).extracting(v -> v.author().email())
                    .containsExactly("ada@example.org", "bob@example.org", "carol@example.org");
            assertThat(versions.get(1).author().when())
                    .isEqualTo(OffsetDateTime.parse("2019-03-01T06:00:00-05:00"));
            assertThat(versions.get(2).author().when().getOffset().getId()).isEqualTo("+08:00");
            assertThat(versions.get(1).committer()).isEqualTo(versions.get(1).author());
            assertThat(versions.get(1).message()).isEqualTo("Add a\n\nBecause a is good.\n");
            assertThat(text(versions.get(2))).isEqualTo(
                    "# Awesome\n\n- [a](https://a.example)\n- [b](https://b.example)\n");
            assertThat(versions).allSatisfy(v -> {
                assertThat(v.path()).isEqualTo("README.md");
                assertThat(v.mergedCommits()).isEmpty();
            });
        }
    }

    @Test
    void renamesAreFollowedAndARenameAloneOrACommitToAnotherFileAddsNoVersion() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir)) {
            String v1 = repo.write("readme.md", "# List\n\n- one\n- two\n- three\n").commit(repo.person("Ada", "Z"), "Start");
            String v2 = repo.write("readme.md", "# List\n\n- one\n- two\n- three\n- four\n").commit(repo.person("Bob", "Z"), "Four");
            String renamed = repo.move("readme.md", "README.md").commit(repo.person("Carol", "Z"), "Rename to README.md");
            String other = repo.write("LICENSE", "CC0\n").commit(repo.person("Dan", "Z"), "License");
            String v3 = repo.write("README.md", "# List\n\n- one\n- two\n- three\n- four\n- five\n")
                    .commit(repo.person("Erin", "Z"), "Five");
            // a move into a folder with an edit in the same commit: a version, at the new path
            String v4 = repo.move("README.md", "docs/README.md")
                    .write("docs/README.md", "# List\n\n- one\n- two\n- three\n- four\n- five\n- six\n")
                    .commit(repo.person("Fay", "Z"), "Move into docs, add six");

            List<FileVersion> versions = all(FileHistory.of(repo.repository(), "main", "docs/README.md"));

            assertThat(versions).extracting(FileVersion::commitId).containsExactly(v1, v2, v3, v4)
                    .doesNotContain(renamed, other);
            assertThat(versions).extracting(FileVersion::path)
                    .containsExactly("readme.md", "readme.md", "README.md", "docs/README.md");
            assertThat(text(versions.get(0))).isEqualTo("# List\n\n- one\n- two\n- three\n");
        }
    }

    @Test
    void aFileCreatedAnewIsNotJoinedToAnOlderDeletedFileOfTheSameName() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir)) {
            repo.write("README.md", "old list\n").commit(repo.person("Ada", "Z"), "Old");
            repo.write("other.txt", "x\n").commit(repo.person("Ada", "Z"), "Other");
            Files.delete(dir.resolve("README.md"));
            repo.commit(repo.person("Ada", "Z"), "Drop the old list");
            String created = repo.write("README.md", "# A new list\n\n- entirely different\n").commit(repo.person("Bob", "Z"), "New");

            assertThat(all(FileHistory.of(repo.repository(), "main", "README.md")))
                    .extracting(FileVersion::commitId).containsExactly(created);
        }
    }

    @Test
    void aMergeIsOneVersionCreditingTheSideCommitsThatChangedTheFile() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir)) {
            String lines = "- line\n".repeat(10);
            String base = "# List\n\n" + lines + lines + lines;
            String v1 = repo.write("README.md", base).commit(repo.person("Ada", "Z"), "Start");
            repo.branch("side");
            repo.checkout("side");
            String withBob = "# List\n\n" + lines + "- bob\n" + lines + lines;
            String bob = repo.write("README.md", withBob)
                    .commit(repo.person("Bob", "Z"), "Bob adds\n\nCo-authored-by: Gil <gil@example.org>\n");
            repo.write("other.txt", "x\n").commit(repo.person("Dan", "Z"), "Dan touches another file");
            String erin = repo.write("README.md", withBob + "- erin\n").commit(repo.person("Erin", "Z"), "Erin adds");
            repo.checkout("main");
            String v2 = repo.write("README.md", base.replace("# List", "# The List")).commit(repo.person("Carol", "Z"), "Title");
            String merge = repo.merge("side", repo.person("Mallory", "+01:00"), "Merge branch 'side'");

            List<FileVersion> versions = all(FileHistory.of(repo.repository(), "main", "README.md"));

            assertThat(versions).extracting(FileVersion::commitId).containsExactly(v1, v2, merge);
            FileVersion merged = versions.get(2);
            assertThat(merged.isMerge()).isTrue();
            assertThat(merged.author().name()).isEqualTo("Mallory");
            assertThat(merged.mergedCommits()).extracting(MergedCommit::commitId).containsExactly(bob, erin);
            assertThat(merged.mergedCommits()).extracting(c -> c.author().name()).containsExactly("Bob", "Erin");
            assertThat(merged.mergedCommits().get(0).coAuthors())
                    .containsExactly(new Identity("Gil", "gil@example.org"));
            assertThat(text(merged)).startsWith("# The List\n").contains("- bob\n").endsWith("- erin\n");
            assertThat(versions.get(0).mergedCommits()).isEmpty();
        }
    }

    @Test
    void aMergeThatLeavesTheFileAsItWasAddsNoVersion() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir)) {
            String v1 = repo.write("README.md", "# List\n").commit(repo.person("Ada", "Z"), "Start");
            repo.branch("side");
            repo.checkout("side");
            repo.write("other.txt", "x\n").commit(repo.person("Bob", "Z"), "Other file");
            repo.checkout("main");
            repo.merge("side", repo.person("Mallory", "Z"), "Merge branch 'side'");

            assertThat(all(FileHistory.of(repo.repository(), "main", "README.md")))
                    .extracting(FileVersion::commitId).containsExactly(v1);
        }
    }

    @Test
    void crlfABomAndBytesThatAreNotUtf8AreKeptByteForByte() throws Exception {
        byte[] first = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', 'L', '\r', '\n', '\r', '\n',
            '-', ' ', 'c', 'a', 'f', (byte) 0xE9, '\r', '\n'};
        byte[] second = {'#', ' ', 'L', '\r', '\n', '-', ' ', (byte) 0xFF, (byte) 0xFE, 0, '\n', 'x'};
        try (WorkRepo repo = WorkRepo.init(dir)) {
            repo.write("README.md", first).commit(repo.person("Ada", "Z"), "Latin-1 and CRLF");
            repo.write("README.md", second).commit(repo.person("Bob", "Z"), "Odd bytes, no final newline");

            List<FileVersion> versions = all(FileHistory.of(repo.repository(), "main", "README.md"));

            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).bytes()).containsExactly(first);
            assertThat(versions.get(1).bytes()).containsExactly(second);
        }
    }

    @Test
    void coAuthoredByTrailersAreReadFromTheLastParagraph() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir)) {
            repo.write("README.md", "# L\n").commit(repo.person("Ada", "Z"), """
                    Add links

                    Co-authored-by: in the body is not a trailer <no@example.org>
                    is it?

                    Signed-off-by: Ada <ada@example.org>
                    Co-authored-by: Bob Builder <bob@example.org>
                    co-authored-by: Carol <carol@example.org>
                    Co-authored-by: no e-mail here
                    Co-authored-by: Bob Builder <bob@example.org>
                    """);

            FileVersion version = all(FileHistory.of(repo.repository(), "main", "README.md")).get(0);

            assertThat(version.coAuthors()).containsExactly(new Identity("Bob Builder", "bob@example.org"),
                    new Identity("Carol", "carol@example.org"));
            assertThat(version.message()).startsWith("Add links\n").contains("Signed-off-by");
        }
    }

    @Test
    void aWalkResumesAfterACommitOfTheFirstParentChain() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir)) {
            String v1 = repo.write("README.md", "1\n").commit(repo.person("Ada", "Z"), "1");
            String v2 = repo.write("README.md", "2\n").commit(repo.person("Ada", "Z"), "2");
            String other = repo.write("other.txt", "x\n").commit(repo.person("Ada", "Z"), "other");
            String v3 = repo.write("README.md", "3\n").commit(repo.person("Ada", "Z"), "3");
            String v4 = repo.write("README.md", "4\n").commit(repo.person("Ada", "Z"), "4");
            FileHistory history = FileHistory.of(repo.repository(), "main", "README.md");

            try (HistoryWalk walk = history.walkAfter(v2)) {
                assertThat(walk.total()).isEqualTo(2);
                assertThat(walk.next().commitId()).isEqualTo(v3);
                assertThat(walk.done()).isEqualTo(1);
                assertThat(walk.next().commitId()).isEqualTo(v4);
                assertThat(walk.hasNext()).isFalse();
            }
            try (HistoryWalk walk = history.walkAfter(other)) {
                assertThat(walk.stream().map(FileVersion::commitId)).containsExactly(v3, v4);
            }
            try (HistoryWalk walk = history.walkAfter(v4)) {
                assertThat(walk.hasNext()).isFalse();
            }
            try (HistoryWalk walk = history.walk()) {
                assertThat(walk.total()).isEqualTo(4);
                assertThat(walk.next().commitId()).isEqualTo(v1);
            }
        }
    }

    @Test
    void theGitCommandLineAndTheWalkAgreeOnAHistoryMadeWithIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")));
        GitCli git = new GitCli(dir);
        git.run("init", "-q", "-b", "main");
        git.write("readme.md", "# List\n\n- a\n- b\n- c\n- d\n");
        git.commitAll("Ada", "2020-01-01T10:00:00+01:00", "Start");
        git.run("mv", "readme.md", "README.md");
        git.commitAll("Bob", "2020-01-02T10:00:00+01:00", "Rename");
        git.run("checkout", "-q", "-b", "side");
        git.write("README.md", "# List\n\n- a\n- b\n- c\n- d\n- e\n");
        git.commitAll("Carol", "2020-01-03T10:00:00+01:00", "Add e");
        git.run("checkout", "-q", "main");
        git.write("CONTRIBUTING.md", "Be kind\n");
        git.commitAll("Dan", "2020-01-04T10:00:00+01:00", "Contributing");
        git.run("-c", "user.name=Erin", "-c", "user.email=erin@example.org", "merge", "-q", "--no-ff", "-m", "Merge side", "side");

        try (Repository repository = FileRepositoryBuilder.create(dir.resolve(".git").toFile())) {
            List<FileVersion> versions = all(FileHistory.of(repository, "main", "README.md"));

            assertThat(versions).extracting(FileVersion::path).containsExactly("readme.md", "README.md");
            assertThat(versions).extracting(v -> v.author().name()).containsExactly("Ada", "Erin");
            assertThat(versions.get(1).mergedCommits()).extracting(c -> c.author().name()).containsExactly("Carol");
            assertThat(versions.get(0).author().when()).isEqualTo(OffsetDateTime.parse("2020-01-01T10:00:00+01:00"));
            assertThat(versions.get(1).commitId()).isEqualTo(git.run("rev-parse", "main").strip());
        }
    }
}
