package dev.curation.command.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real repository on disk with a working tree, committed to as people would (JGit, no git binary). */
final class TestRepository implements AutoCloseable {

    private final Git git;
    private final Path dir;

    private TestRepository(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    static TestRepository create(Path dir) throws GitAPIException {
        return new TestRepository(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    String url() {
        return dir.toUri().toString();
    }

    /** Writes {@code path} and commits it as {@code name} at {@code when}; returns the commit id. */
    String commit(String path, String content, String name, String when, String message) throws IOException, GitAPIException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        git.add().addFilepattern(path).call();
        return commitAll(name, when, message);
    }

    /** Writes {@code path} with exactly these bytes and commits it. */
    String commitBytes(String path, byte[] content, String name, String when, String message) throws IOException, GitAPIException {
        Path file = dir.resolve(path);
        Files.write(file, content);
        git.add().addFilepattern(path).call();
        return commitAll(name, when, message);
    }

    String rename(String from, String to, String name, String when) throws IOException, GitAPIException {
        Files.move(dir.resolve(from), dir.resolve(to));
        git.rm().addFilepattern(from).call();
        git.add().addFilepattern(to).call();
        return commitAll(name, when, "Rename " + from + " to " + to);
    }

    private String commitAll(String name, String when, String message) throws GitAPIException {
        OffsetDateTime at = OffsetDateTime.parse(when);
        PersonIdent person = new PersonIdent(name, name.toLowerCase().replace(' ', '.') + "@example.com",
                at.toInstant(), at.getOffset());
        RevCommit commit = git.commit().setAuthor(person).setCommitter(person).setMessage(message).call();
        return commit.getName();
    }

    @Override
    public void close() {
        git.close();
    }

    static {
        // commits carry their own offsets; the JVM's zone must not matter
        TimeZone.getDefault();
    }
}
