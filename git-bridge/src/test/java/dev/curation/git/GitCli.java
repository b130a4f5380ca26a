package dev.curation.git;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Debian git command line, run in a directory with no user or system configuration, for histories made as people make them. */
final class GitCli {

    private final Path dir;

    GitCli(Path dir) {
        this.dir = dir;
    }

    void write(String path, String text) throws IOException {
        Files.writeString(dir.resolve(path), text, UTF_8);
    }

    void commitAll(String author, String isoDate, String message) throws IOException, InterruptedException {
        run("add", "-A");
        String email = author.toLowerCase() + "@example.org";
        runWith(Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", email, "GIT_AUTHOR_DATE", isoDate,
                "GIT_COMMITTER_NAME", author, "GIT_COMMITTER_EMAIL", email, "GIT_COMMITTER_DATE", isoDate),
                "commit", "-q", "-m", message);
    }

    String run(String... args) throws IOException, InterruptedException {
        return runWith(Map.of(), args);
    }

    /** Runs git with {@code input} on its standard input; its standard output exactly as written (errors apart). */
    byte[] bytes(byte[] input, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = builder(Map.of(), args).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed");
        }
        return output;
    }

    private String runWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process process = builder(env, args).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    private ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        return builder;
    }
}
