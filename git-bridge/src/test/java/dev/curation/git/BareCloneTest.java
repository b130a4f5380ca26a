package dev.curation.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.git.GitBridgeException.Reason;
import dev.curation.git.RemoteAccess.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BareCloneTest {

    @TempDir
    Path dir;

    private static void refused(ThrowingCallable call, Reason reason, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(GitBridgeException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(reason);
    }

    @Test
    void aFileUrlIsClonedBareWhenAllowedAndTheCloneIsDeletedOnClose() throws Exception {
        List<String> commits;
        try (WorkRepo repo = WorkRepo.init(dir.resolve("origin"))) {
            String v1 = repo.write("README.md", "# L\n").commit(repo.person("Ada", "Z"), "Start");
            repo.branch("other");
            String v2 = repo.write("README.md", "# L\n\n- a\n").commit(repo.person("Bob", "Z"), "a");
            commits = List.of(v1, v2);
        }
        Path clonedAt;
        try (BareClone clone = BareClone.of(dir.resolve("origin").toUri().toString(), "main",
                RemoteAccess.httpsOnly().allowingFile())) {
            Repository repository = clone.repository();
            clonedAt = repository.getDirectory().toPath();
            assertThat(repository.isBare()).isTrue();
            assertThat(repository.getRefDatabase().getRefsByPrefix("refs/heads/")).extracting(r -> r.getName())
                    .containsExactly("refs/heads/main");
            try (HistoryWalk walk = FileHistory.of(repository, "main", "README.md").walk()) {
                assertThat(walk.stream().map(FileVersion::commitId)).containsExactlyElementsOf(commits);
            }
        }
        assertThat(Files.exists(clonedAt)).isFalse();
    }

    @Test
    void aFileUrlIsRefusedUnlessAllowed() {
        refused(() -> BareClone.of(dir.toUri().toString(), "main", RemoteAccess.httpsOnly()), Reason.URL_NOT_ALLOWED,
                "(file:// is off here)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/list.git", "ssh://git@example.org/list.git", "git@example.org:list.git",
        "git://example.org/list.git", "/srv/git/list.git", "https:///list.git", "ftp://example.org/list.git"})
    void urlsOfOtherSchemesAreRefused(String url) {
        refused(() -> BareClone.of(url, "main", RemoteAccess.httpsOnly().allowingFile()), Reason.URL_NOT_ALLOWED,
                "use https://host/path or file:///path");
    }

    @Test
    void credentialsInTheUrlAreRefusedAndNeverEchoed() {
        assertThatThrownBy(() -> BareClone.of("https://me:s3cret@example.org/list.git", "main", RemoteAccess.httpsOnly()))
                .isInstanceOf(GitBridgeException.class)
                .hasMessageContaining("may not carry a user name or password")
                .hasMessageNotContaining("s3cret");
        assertThat(new Credentials("me", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void aCloneThatFailsSaysSoAndLeavesNothingBehind() throws Exception {
        long before = tempClones();
        refused(() -> BareClone.of(dir.resolve("nothing-here").toUri().toString(), "main",
                RemoteAccess.httpsOnly().allowingFile()), Reason.CLONE_FAILED, "could not clone file:");
        refused(() -> BareClone.of("https://127.0.0.1:1/list.git", "main",
                new RemoteAccess(false, new Credentials("me", "s3cret"), Duration.ofSeconds(5))),
                Reason.CLONE_FAILED, "could not clone https://127.0.0.1:1/list.git");
        assertThat(tempClones()).isEqualTo(before);
    }

    @Test
    void aBranchTheRemoteDoesNotHaveIsRefusedBeforeCloning() throws Exception {
        try (WorkRepo repo = WorkRepo.init(dir.resolve("origin"))) {
            repo.write("README.md", "# L\n").commit(repo.person("Ada", "Z"), "Start");
        }
        long before = tempClones();
        refused(() -> BareClone.of(dir.resolve("origin").toUri().toString(), "gh-pages",
                RemoteAccess.httpsOnly().allowingFile()), Reason.NO_SUCH_BRANCH, "has no branch \"gh-pages\"");
        refused(() -> BareClone.of(dir.resolve("origin").toUri().toString(), "a..b",
                RemoteAccess.httpsOnly().allowingFile()), Reason.NO_SUCH_BRANCH, "\"a..b\" is not a branch name");
        assertThat(tempClones()).isEqualTo(before);
    }

    private static long tempClones() throws Exception {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("curation-git-")).count();
        }
    }
}
