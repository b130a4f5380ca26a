package dev.curation.command.git;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's git command line in a working directory, without the host's configuration: how people see the branch. */
final class Git {

    private final Path dir;

    Git(Path dir) {
        this.dir = dir;
    }

    static Git cloned(String url, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into.getParent());
        new Git(into.getParent()).run("clone", "-q", url, into.getFileName().toString());
        return new Git(into);
    }

    String file(String path) throws IOException {
        return Files.readString(dir.resolve(path), UTF_8);
    }

    void write(String path, String text) throws IOException {
        Files.writeString(dir.resolve(path), text, UTF_8);
    }

    void commitAndPush(String author, String message) throws IOException, InterruptedException {
        commit(author, message);
        run("push", "-q", "origin", "HEAD:main");
    }

    void commit(String author, String message) throws IOException, InterruptedException {
        run("add", "-A");
        String email = author.toLowerCase().replace(' ', '.') + "@example.org";
        runWith(Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", email, "GIT_COMMITTER_NAME", author,
                "GIT_COMMITTER_EMAIL", email), "commit", "-q", "-m", message);
    }

    String run(String... args) throws IOException, InterruptedException {
        return runWith(Map.of(), args);
    }

    private String runWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
