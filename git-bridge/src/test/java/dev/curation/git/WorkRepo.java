package dev.curation.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/** A repository with a working tree in a test's directory, changed the way people do (add, commit, mv, merge). */
final class WorkRepo implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private Instant clock = Instant.parse("2019-03-01T09:00:00Z");

    private WorkRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    static WorkRepo init(Path dir) throws GitAPIException {
        return new WorkRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    Repository repository() {
        return git.getRepository();
    }

    Path dir() {
        return dir;
    }

    WorkRepo write(String path, String text) throws IOException {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    WorkRepo write(String path, byte[] bytes) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return this;
    }

    WorkRepo move(String from, String to) throws IOException {
        Path target = dir.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(dir.resolve(from), target);
        return this;
    }

    /** A person whose commits are an hour apart, in the given offset. */
    PersonIdent person(String name, String offset) {
        clock = clock.plusSeconds(3600);
        return new PersonIdent(name, name.toLowerCase() + "@example.org", clock, ZoneOffset.of(offset));
    }

    String commit(PersonIdent author, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setAuthor(author).setCommitter(author).setMessage(message).setSign(false).call().name();
    }

    void branch(String name) throws GitAPIException {
        git.branchCreate().setName(name).call();
    }

    void checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
    }

    /** Merges the branch into the checked-out one with a merge commit (no fast-forward), by {@code author}. */
    String merge(String branch, PersonIdent author, String message) throws GitAPIException, IOException {
        git.merge().include(repository().resolve("refs/heads/" + branch)).setFastForward(FastForwardMode.NO_FF)
                .setCommit(false).call();
        return git.commit().setAuthor(author).setCommitter(author).setMessage(message).setSign(false).call().name();
    }

    @Override
    public void close() {
        git.close();
    }
}
