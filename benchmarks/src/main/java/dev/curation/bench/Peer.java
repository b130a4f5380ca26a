package dev.curation.bench;

import dev.curation.bench.peer.CrudPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CRUD peer ({@link CrudPeer}) in a JVM of its own, with the heap and GC flags the launcher
 * gives the services ({@code ./curation start}'s default {@code --java-opts}), on the stack's
 * PostgreSQL server.
 */
final class Peer implements AutoCloseable {

    /** The launcher's default java options for each service, and its out-of-memory rule. */
    static final List<String> SERVICE_JAVA_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError");

    /** The peer's role among the processes whose CPU a run counts ({@link CpuUse}). */
    static final String ROLE = "CRUD peer";

    private final Process process;
    private final int port;

    private Peer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Peer start(Stack stack) throws IOException {
        List<String> command = new ArrayList<>(Stack.javaCommand(SERVICE_JAVA_OPTIONS.toArray(String[]::new)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrudPeer.class.getName(),
                Integer.toString(Stack.freePort()), stack.jdbc("postgres")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith(CrudPeer.READY)) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (IOException closed) {
                        // the peer stopped
                    }
                }, "peer-output");
                drain.setDaemon(true);
                drain.start();
                return new Peer(process, Integer.parseInt(line.substring(CrudPeer.READY.length()).strip()));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the CRUD peer did not start:\n" + seen);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
