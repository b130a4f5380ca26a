package dev.curation.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A real list's history in a real repository: {@code commits} commits growing a real awesome list
 * (sindresorhus/awesome, as kept in curation-core's test resources) line by line, by five authors,
 * written with {@code git fast-import}; and the baseline, {@code git log -p} of the same history.
 */
final class GitHistoryBench {

    private static final String[] AUTHORS = {"Jane Doe", "Wang Wei", "Ana Lima", "Kofi Mensah", "Sara Berg"};

    private GitHistoryBench() {
    }

    /** A bare repository whose main branch grows README.md to the real list in {@code commits} commits. */
    static Path repository(Path root, Path dir, int commits) throws IOException, InterruptedException {
        String list = Files.readString(root.resolve("curation-core/src/test/resources/real-world/sindresorhus-awesome.md"));
        List<String> lines = List.of(list.split("(?<=\n)"));
        Path bare = dir.resolve("history.git");
        git(dir, null, "init", "-q", "--bare", "-b", "main", bare.toString());
        Process importer = command(bare, "fast-import", "--quiet").start();
        try (OutputStream in = importer.getOutputStream()) {
            long when = 1_500_000_000L;
            List<String> file = new ArrayList<>();
            for (int i = 0; i < commits; i++) {
                // the list grows line by line as it was written; past its end, lines are reworded one by one,
                // so that every commit changes the file
                if (i < lines.size()) {
                    file.add(lines.get(i));
                } else {
                    int at = (i - lines.size()) % file.size();
                    String line = file.get(at);
                    String end = lineEnd(line);
                    file.set(at, line.substring(0, line.length() - end.length()) + " (revised)" + end);
                }
                byte[] bytes = String.join("", file).getBytes(StandardCharsets.UTF_8);
                String author = AUTHORS[i % AUTHORS.length];
                String ident = author + " <" + author.toLowerCase().replace(' ', '.') + "@example.org> " + (when + i * 3600L)
                        + " +0000\n";
                byte[] message = ("Grow the list (" + (i + 1) + ")\n").getBytes(StandardCharsets.UTF_8);
                in.write(("commit refs/heads/main\nauthor " + ident + "committer " + ident + "data " + message.length + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                in.write(message);
                in.write(("M 100644 inline README.md\ndata " + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                in.write(bytes);
                in.write('\n');
            }
        }
        if (importer.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed: "
                    + new String(importer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return bare;
    }

    private static String lineEnd(String line) {
        return line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
    }

    /** Seconds {@code git log -p} of the file takes (median of three), its output read and dropped. */
    static double gitLogSeconds(Path bare) throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Process log = command(bare, "log", "-p", "--first-parent", "main", "--", "README.md")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (log.waitFor() != 0) {
                throw new IllegalStateException("git log -p failed");
            }
            times.add((System.nanoTime() - start) / 1e9);
        }
        Collections.sort(times);
        return times.get(1);
    }

    private static void git(Path dir, String input, String... args) throws IOException, InterruptedException {
        Process process = command(dir, args).start();
        process.getOutputStream().close();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: "
                    + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static ProcessBuilder command(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        return builder;
    }
}
