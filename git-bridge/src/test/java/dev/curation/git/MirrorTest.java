package dev.curation.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.git.GitBridgeException.Reason;
import dev.curation.git.RemoteAccess.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorTest {

    @TempDir
    Path dir;

    private static void refused(ThrowingCallable call, Reason reason, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(GitBridgeException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(reason);
    }

    @Test
    void clonesOnceThenFetchesNewCommitsAndSeesARewrittenUpstream() throws Exception {
        Path origin = dir.resolve("origin.git");
        String first;
        String second;
        try (TestGitServer server = TestGitServer.start(dir, "u", "p")) {
            first = server.createRepository("origin.git", "main", "README.md", "# L\n".getBytes(UTF_8));
        }
        String url = origin.toUri().toString();
        RemoteAccess access = RemoteAccess.httpsOnly().allowingFile();
        Path kept = dir.resolve("mirrors/list-1");
        try (Mirror mirror = Mirror.open(kept, url, "main", access)) {
            assertThat(mirror.repository().isBare()).isTrue();
            assertThat(mirror.head()).isEqualTo(first);
            assertThat(mirror.trackingRef()).isEqualTo("refs/remotes/origin/main");
            assertThat(mirror.fetch()).isEqualTo(first);
        }
        second = commitOnOrigin(origin, first, "# L\n\n- a\n", "main");
        try (Mirror mirror = Mirror.open(kept, url, "main", access)) {
            assertThat(mirror.head()).as("opening an existing mirror does not fetch").isEqualTo(first);
            assertThat(mirror.fetch()).isEqualTo(second);
            assertThat(mirror.head()).isEqualTo(second);
            assertThat(Ancestry.isAncestor(mirror.repository(), first, second)).isTrue();
            assertThat(Ancestry.firstParentsBetween(mirror.repository(), first, second)).containsExactly(second);
            try (HistoryWalk walk = mirror.history("README.md").walk()) {
                assertThat(walk.stream().map(FileVersion::commitId)).containsExactly(first, second);
            }

            // the upstream is rewritten: a force-push of another commit on top of the first
            String rewritten = commitOnOrigin(origin, first, "# L\n\n- other\n", "main");
            assertThat(mirror.fetch()).isEqualTo(rewritten);
            assertThat(Ancestry.isAncestor(mirror.repository(), second, rewritten)).isFalse();
            assertThat(Ancestry.isAncestor(mirror.repository(), first, rewritten)).isTrue();
            assertThatThrownBy(() -> Ancestry.firstParentsBetween(mirror.repository(), second, rewritten))
                    .isInstanceOf(GitBridgeException.class)
                    .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(Reason.RESUME_POINT_NOT_FOUND);

            // the branch is deleted upstream
            deleteOnOrigin(origin, "main");
            assertThat(mirror.fetch()).isNull();
            assertThat(mirror.head()).isNull();
        }
    }

    @Test
    void fetchesOverHttpWithCredentials() throws Exception {
        try (TestGitServer server = TestGitServer.start(dir.resolve("served"), "u", "secret")) {
            String first = server.createRepository("l.git", "main", "docs/list.md", "# L\r\n".getBytes(UTF_8));
            RemoteAccess access = RemoteAccess.httpsOnly().allowingPlainHttp().withCredentials(new Credentials("u", "secret"));
            try (Mirror mirror = Mirror.open(dir.resolve("m"), server.url("l.git"), "main", access)) {
                assertThat(mirror.head()).isEqualTo(first);
                assertThat(CommitWriterTest.blob(mirror.repository(), first, "docs/list.md")).isEqualTo("# L\r\n".getBytes(UTF_8));
            }
        }
    }

    @Test
    void theHostCheckIsAskedBeforeAnythingIsTouched() {
        List<String> asked = new ArrayList<>();
        RemoteAccess access = RemoteAccess.httpsOnly().allowingPlainHttp().withHostCheck(host -> {
            asked.add(host);
            return Optional.of("it is a loopback address");
        });
        Path kept = dir.resolve("m");
        refused(() -> Mirror.open(kept, "https://git.example.org/list.git", "main", access), Reason.URL_NOT_ALLOWED,
                "it is a loopback address");
        refused(() -> BareClone.of("http://127.0.0.1:9/list.git", "main", access), Reason.URL_NOT_ALLOWED,
                "127.0.0.1 may not be reached");
        refused(() -> Push.push(new InMemoryRepo().repository, "https://git.example.org/list.git", "main",
                ObjectId.zeroId().name(), null, access), Reason.URL_NOT_ALLOWED, "loopback");
        assertThat(asked).containsExactly("git.example.org", "127.0.0.1", "git.example.org");
        assertThat(Files.exists(kept)).isFalse();
        assertThat(RemoteAccess.httpsOnly().withHostCheck(host -> Optional.empty()).hostCheck()).isNotNull();
    }

    @Test
    void fileUrlsOnlyWhenAllowedAndPlainHttpOnlyForTests() throws Exception {
        String url = dir.toUri().toString();
        refused(() -> Mirror.open(dir.resolve("m"), url, "main", RemoteAccess.httpsOnly()), Reason.URL_NOT_ALLOWED,
                "(file:// is off here)");
        refused(() -> Mirror.open(dir.resolve("m"), "http://127.0.0.1:9/l.git", "main", RemoteAccess.httpsOnly()),
                Reason.URL_NOT_ALLOWED, "use https://host/path");
        refused(() -> Mirror.open(dir.resolve("m"), "https://u:pw@example.org/l.git", "main", RemoteAccess.httpsOnly()),
                Reason.URL_NOT_ALLOWED, "may not carry a user name or password");
        refused(() -> Mirror.open(dir.resolve("m"), "https://example.org/l.git", "bad..name", RemoteAccess.httpsOnly()),
                Reason.NO_SUCH_BRANCH, "is not a branch name");
        assertThat(Files.exists(dir.resolve("m"))).isFalse();
    }

    @Test
    void theHostsGitConfigurationIsIgnored() throws Exception {
        Path origin = dir.resolve("origin.git");
        byte[] crlf = "# L\r\n\r\n- a\r\n".getBytes(UTF_8);
        String first;
        try (TestGitServer server = TestGitServer.start(dir, "u", "p")) {
            first = server.createRepository("origin.git", "main", "README.md", crlf);
        }
        // a host whose ~/.gitconfig would change line endings, redirect URLs and rename the default branch
        Path hostile = dir.resolve("home/.gitconfig");
        Files.createDirectories(hostile.getParent());
        Files.writeString(hostile, "[core]\n\tautocrlf = true\n[url \"file:///nowhere/\"]\n\tinsteadOf = "
                + origin.toUri() + "\n[init]\n\tdefaultBranch = hostile\n[user]\n\tname = Host User\n");
        SystemReader before = SystemReader.getInstance();
        SystemReader.setInstance(new SystemReader.Delegate(before) {
            @Override
            public FileBasedConfig openUserConfig(@Nullable Config parent, FS fs) {
                return new FileBasedConfig(parent, hostile.toFile(), fs);
            }
        });
        try {
            assertThat(SystemReader.getInstance().getUserConfig().getBoolean("core", "autocrlf", false))
                    .as("the hostile config is in place").isTrue();
            try (Mirror mirror = Mirror.open(dir.resolve("m"), origin.toUri().toString(), "main",
                    RemoteAccess.httpsOnly().allowingFile())) {
                assertThat(SystemReader.getInstance().getUserConfig().getString("core", null, "autocrlf")).isNull();
                Config config = mirror.repository().getConfig();
                assertThat(config.getString("core", null, "autocrlf")).isNull();
                assertThat(config.getSubsections("url")).isEmpty();
                assertThat(config.getString("user", null, "name")).isNull();
                assertThat(mirror.head()).isEqualTo(first);
                assertThat(mirror.repository().getFullBranch()).isEqualTo("refs/heads/main");
                assertThat(CommitWriterTest.blob(mirror.repository(), first, "README.md")).isEqualTo(crlf);
                assertThat(GitConfigIsolation.isInPlace()).isTrue();
            }
        } finally {
            SystemReader.setInstance(before);
        }
    }

    /** A commit on the origin's branch with {@code parent} as its parent, the branch moved there by force. */
    private static String commitOnOrigin(Path origin, String parent, String text, String branch) throws Exception {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(origin.toFile()).setMustExist(true).build()) {
            String commit = CommitWriter.write(repository, parent, "README.md", text.getBytes(UTF_8), CommitWriterTest.ADA,
                    CommitWriterTest.ADA, "Change\n");
            CommitWriterTest.setBranch(repository, branch, commit);
            return commit;
        }
    }

    private static void deleteOnOrigin(Path origin, String branch) throws Exception {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(origin.toFile()).setMustExist(true).build()) {
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setForceUpdate(true);
            assertThat(update.delete()).isEqualTo(RefUpdate.Result.FORCED);
        }
    }

    /** Somewhere to push from when the push is refused before anything is read. */
    private final class InMemoryRepo {
        final Repository repository;

        InMemoryRepo() {
            try {
                repository = new FileRepositoryBuilder().setGitDir(dir.resolve("scratch.git").toFile()).build();
                repository.create(true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
