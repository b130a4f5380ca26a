package dev.curation.git;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.git.GitBridgeException.Reason;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusalsTest {

    @TempDir
    Path dir;

    private WorkRepo repo;
    private String head;

    @BeforeEach
    void history() throws Exception {
        repo = WorkRepo.init(dir);
        repo.write("README.md", "# L\n").write("docs/guide.md", "guide\n").commit(repo.person("Ada", "Z"), "Start");
        head = repo.write("README.md", "# L\n\n- a\n").commit(repo.person("Ada", "Z"), "a");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private static void refused(ThrowingCallable call, Reason reason, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(GitBridgeException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((GitBridgeException) e).reason()).isEqualTo(reason);
    }

    @Test
    void aBranchThatIsNotThereOrNotABranchName() {
        refused(() -> FileHistory.of(repo.repository(), "master", "README.md"), Reason.NO_SUCH_BRANCH,
                "no branch \"master\"");
        refused(() -> FileHistory.of(repo.repository(), "a..b", "README.md"), Reason.NO_SUCH_BRANCH,
                "\"a..b\" is not a branch name");
        refused(() -> FileHistory.of(repo.repository(), "", "README.md"), Reason.NO_SUCH_BRANCH, "not a branch name");
    }

    @Test
    void aFileThatIsNotOnTheBranchHead() {
        refused(() -> FileHistory.of(repo.repository(), "main", "readme.md"), Reason.NO_SUCH_FILE,
                "no file \"readme.md\" on branch \"main\" (at its head, " + head + ")");
        refused(() -> FileHistory.of(repo.repository(), "main", "docs"), Reason.NO_SUCH_FILE, "no file \"docs\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../README.md", "docs/../../etc/passwd", "/etc/passwd", "./README.md", "docs//guide.md",
        ".git/config", "docs\\guide.md", "docs/", ""})
    void aPathThatIsNotInsideTheRepository(String path) {
        refused(() -> FileHistory.of(repo.repository(), "main", path), Reason.PATH_OUTSIDE_REPOSITORY,
                "is not a file path inside the repository");
    }

    @Test
    void aResumePointThatIsNotOnTheFirstParentChain() {
        FileHistory history = FileHistory.of(repo.repository(), "main", "README.md");
        refused(() -> history.walkAfter("0123456789012345678901234567890123456789"), Reason.RESUME_POINT_NOT_FOUND,
                "is not on the first-parent history of branch \"main\"");
        refused(() -> history.walkAfter("abc"), Reason.RESUME_POINT_NOT_FOUND, "is not a full commit id");
    }

    @Test
    void aVersionLargerThanAllowed() {
        FileHistory history = FileHistory.of(repo.repository(), "main", "README.md", 5);
        try (HistoryWalk walk = history.walk()) {
            walk.next();
            refused(walk::next, Reason.FILE_TOO_LARGE, "has 9 bytes, more than the 5 allowed");
        }
    }
}
