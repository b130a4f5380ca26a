package dev.curation.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.git.GitBridgeException.Reason;
import dev.curation.git.RemoteAccess.Credentials;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushTest {

    static final String USER = "bridge";
    static final String PASSWORD = "pa55-w0rd-never-shown";

    @TempDir
    Path dir;

    TestGitServer server;
    String initial;
    RemoteAccess access;

    @BeforeEach
    void start() {
        server = TestGitServer.start(dir.resolve("served"), USER, PASSWORD);
        initial = server.createRepository("list.git", "main", "README.md", "# List\n".getBytes(UTF_8));
        access = RemoteAccess.httpsOnly().allowingPlainHttp().withCredentials(new Credentials(USER, PASSWORD))
                .withTimeout(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pushesWithTheLeaseAndSeesAStaleLeaseWhenSomeoneElsePushed() throws Exception {
        try (Mirror mirror = Mirror.open(dir.resolve("mirror"), server.url("list.git"), "main", access)) {
            assertThat(mirror.head()).isEqualTo(initial);
            String ours = write(mirror, initial, "# List\n\n- a\n", "Add a");
            assertThat(mirror.push(ours, initial)).isEqualTo(new PushResult(PushResult.Status.OK, null));
            assertThat(server.head("list.git", "main")).isEqualTo(ours);
            assertThat(mirror.head()).isEqualTo(ours);

            // someone else pushes with the git command line
            Path clone = dir.resolve("someone");
            new GitCli(dir).run("clone", "-q", server.urlWithCredentials("list.git", USER, PASSWORD), clone.toString());
            GitCli git = new GitCli(clone);
            git.write("README.md", "# List\n\n- a\n- from git\n");
            git.commitAll("Carol", "2026-02-02T10:00:00+01:00", "Add from git");
            git.run("push", "-q", "origin", "main");
            String theirs = git.run("rev-parse", "HEAD").strip();
            assertThat(server.head("list.git", "main")).isEqualTo(theirs);

            String next = write(mirror, ours, "# List\n\n- a\n- b\n", "Add b");
            PushResult stale = mirror.push(next, ours);
            assertThat(stale.status()).isEqualTo(PushResult.Status.STALE);
            assertThat(server.head("list.git", "main")).isEqualTo(theirs);

            // fetch, build on theirs, push again
            assertThat(mirror.fetch()).isEqualTo(theirs);
            assertThat(Ancestry.isAncestor(mirror.repository(), ours, theirs)).isTrue();
            String rebased = write(mirror, theirs, "# List\n\n- a\n- from git\n- b\n", "Add b");
            assertThat(mirror.push(rebased, theirs).isOk()).isTrue();
            assertThat(server.head("list.git", "main")).isEqualTo(rebased);
            git.run("pull", "-q", "--ff-only");
            assertThat(Files.readString(clone.resolve("README.md"))).isEqualTo("# List\n\n- a\n- from git\n- b\n");
            assertThat(git.run("log", "-1", "--format=%an <%ae>|%cn")).isEqualTo("Ada <ada@example.org>|Bridge\n");
        }
    }

    @Test
    void aBranchThatDoesNotExistYetIsCreatedWithANullLeaseAndOnlyThen() {
        try (Mirror mirror = Mirror.open(dir.resolve("mirror"), server.url("list.git"), "drafts", access)) {
            assertThat(mirror.head()).isNull();
            assertThat(mirror.fetch()).isNull();
            String first = CommitWriter.write(mirror.repository(), null, "docs/list.md", "# Drafts\n".getBytes(UTF_8),
                    CommitWriterTest.ADA, CommitWriterTest.BRIDGE, "Start drafts\n");
            assertThat(mirror.push(first, null).isOk()).isTrue();
            assertThat(server.head("list.git", "drafts")).isEqualTo(first);
            assertThat(server.head("list.git", "main")).isEqualTo(initial);

            String other = CommitWriter.write(mirror.repository(), null, "docs/list.md", "# Other\n".getBytes(UTF_8),
                    CommitWriterTest.ADA, CommitWriterTest.BRIDGE, "Start again\n");
            assertThat(mirror.push(other, null).status()).isEqualTo(PushResult.Status.STALE);
            assertThat(server.head("list.git", "drafts")).isEqualTo(first);
        }
    }

    @Test
    void aCommitThatIsNotAFastForwardOrThatAHookRefusesIsRejectedWithTheReason() {
        try (Mirror mirror = Mirror.open(dir.resolve("mirror"), server.url("list.git"), "main", access)) {
            String unrelated = CommitWriter.write(mirror.repository(), null, "README.md", "# Other\n".getBytes(UTF_8),
                    CommitWriterTest.ADA, CommitWriterTest.BRIDGE, "Unrelated\n");
            PushResult notFastForward = mirror.push(unrelated, initial);
            assertThat(notFastForward.status()).isEqualTo(PushResult.Status.REJECTED);
            assertThat(notFastForward.message()).contains("not a fast-forward");
            assertThat(server.head("list.git", "main")).isEqualTo(initial);

            server.refusePushes("branch main is protected");
            String ours = write(mirror, initial, "# List\n\n- a\n", "Add a");
            PushResult refused = mirror.push(ours, initial);
            assertThat(refused.status()).isEqualTo(PushResult.Status.REJECTED);
            assertThat(refused.message()).contains("branch main is protected");
            assertThat(server.head("list.git", "main")).isEqualTo(initial);
        }
    }

    @Test
    void wrongOrMissingCredentialsAreAuthFailedAndTheMessageHasNoPassword() {
        String url = server.url("list.git");
        RemoteAccess wrong = access.withCredentials(new Credentials(USER, "wrong-" + PASSWORD));
        assertThatThrownBy(() -> Mirror.open(dir.resolve("m1"), url, "main", wrong))
                .isInstanceOf(GitBridgeException.class)
                .hasMessageNotContaining(PASSWORD)
                .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(Reason.AUTH_FAILED);
        assertThat(dir.resolve("m1")).as("a mirror whose first fetch failed is not left half-made").isEmptyDirectory();
        RemoteAccess none = RemoteAccess.httpsOnly().allowingPlainHttp();
        assertThatThrownBy(() -> Mirror.open(dir.resolve("m2"), url, "main", none))
                .isInstanceOf(GitBridgeException.class)
                .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(Reason.AUTH_FAILED);

        try (Mirror mirror = Mirror.open(dir.resolve("mirror"), url, "main", access)) {
            String ours = write(mirror, initial, "# List\n\n- a\n", "Add a");
            assertThatThrownBy(() -> Push.push(mirror.repository(), url, "main", ours, initial, wrong))
                    .isInstanceOf(GitBridgeException.class)
                    .hasMessageNotContaining(PASSWORD)
                    .hasMessageContaining("refused the credentials")
                    .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(Reason.AUTH_FAILED);
            assertThat(server.head("list.git", "main")).isEqualTo(initial);
        }
    }

    @Test
    void aRemoteThatIsNotThereIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/git/list.git";
        try (Mirror mirror = Mirror.open(dir.resolve("mirror"), server.url("list.git"), "main", access)) {
            String ours = write(mirror, initial, "# List\n\n- a\n", "Add a");
            assertThatThrownBy(() -> Push.push(mirror.repository(), url, "main", ours, initial, access))
                    .isInstanceOf(GitBridgeException.class)
                    .hasMessageNotContaining(PASSWORD)
                    .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(Reason.UNREACHABLE);
        }
    }

    private static String write(Mirror mirror, String parent, String text, String subject) {
        Signature ada = new Signature("Ada", "ada@example.org", CommitWriterTest.ADA.when());
        Signature bridge = new Signature("Bridge", "bridge@curation.invalid", CommitWriterTest.BRIDGE.when());
        return CommitWriter.write(mirror.repository(), parent, "README.md", text.getBytes(UTF_8), ada, bridge,
                Trailers.append(subject, List.of(new Trailer(Trailers.CURATION_VERSION, "1"))));
    }
}
