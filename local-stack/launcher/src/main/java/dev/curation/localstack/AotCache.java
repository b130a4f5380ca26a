package dev.curation.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JDK's ahead-of-time cache for one service jar (JEP 483, 514, 515; JDK 25 or newer): the
 * classes a start-up loads and links, with their method profiles, recorded once by a training
 * run and mapped in by every later start. It more than halves a service's start-up on this kind
 * of machine. The cache only fits the class path it was recorded with, so the jar is run
 * extracted ({@code -Djarmode=tools extract}); it lives next to the jar, keyed to the jar's content
 * and the JDK, and is recorded again when any of them changes. Without it the jar runs as is.
 */
final class AotCache {

    private final Path jar;
    private final Path dir;
    /** Computed once: hashing a service jar takes a noticeable fraction of a second. */
    private String stamp;

    AotCache(Path jar) {
        this.jar = jar;
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        this.dir = jar.toAbsolutePath().getParent().resolve("aot").resolve(name);
    }

    /** True on a JDK that can record and use the cache, unless CURATION_AOT=off. */
    static boolean supported() {
        return Runtime.version().feature() >= 25 && !"off".equalsIgnoreCase(System.getenv("CURATION_AOT"));
    }

    /** Whether a cache recorded from this jar on this JDK is present. */
    boolean ready() {
        return supported() && Files.isRegularFile(cache()) && stamp().equals(read(dir.resolve("stamp")));
    }

    /** The JVM options and jar to start the service with: the cache if ready, else the plain jar. */
    List<String> launch() {
        return ready() ? List.of("-XX:AOTCache=" + cache(), "-jar", extracted().toString()) : List.of("-jar", jar.toString());
    }

    /**
     * Extracts the jar and returns the options of a training run: the service starts, refreshes
     * its context (connecting to the database and the broker as a real start does), and exits,
     * writing the cache.
     */
    List<String> prepareTraining() throws IOException, InterruptedException {
        delete(dir);
        Files.createDirectories(dir);
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                dir.resolve("jar").toString()).redirectErrorStream(true).redirectOutput(dir.resolve("extract.log").toFile()).start();
        if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            throw new IOException("extracting " + jar + " failed; see " + dir.resolve("extract.log"));
        }
        return List.of("-XX:AOTCacheOutput=" + cache(), "-Dspring.context.exit=onRefresh", "-jar", extracted().toString());
    }

    /** Marks the cache as belonging to this jar, after a training run that wrote it. */
    boolean completeTraining() throws IOException {
        if (!Files.isRegularFile(cache())) {
            return false;
        }
        Files.writeString(dir.resolve("stamp"), stamp());
        return true;
    }

    Path jar() {
        return jar;
    }

    /**
     * Holds the build's training lock (a file lock beside the jar's caches, across processes) until
     * closed: waits while another process records the caches.
     */
    static TrainingLock lockTraining(Path jar) {
        try {
            Path dir = jar.toAbsolutePath().getParent().resolve("aot");
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve("training.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                return new TrainingLock(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock the start-up caches of " + jar, e);
        }
    }

    /** The lock {@link #lockTraining} took. */
    record TrainingLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try (channel) {
                lock.release();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path cache() {
        return dir.resolve("app.aot");
    }

    private Path extracted() {
        return dir.resolve("jar").resolve(jar.getFileName());
    }

    /** The jar's content hash (reproducible builds give jars a fixed time) and the JDK's version. */
    private String stamp() {
        if (stamp == null) {
            stamp = hash();
        }
        return stamp;
    }

    private String hash() {
        try (var in = Files.newInputStream(jar)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest()) + " " + Runtime.version();
        } catch (IOException | NoSuchAlgorithmException e) {
            return "missing";
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
