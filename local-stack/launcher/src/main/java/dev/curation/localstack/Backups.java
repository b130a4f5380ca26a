package dev.curation.localstack;

import dev.curation.embedded.BaseBackup;
import dev.curation.embedded.Ports;
import dev.curation.embedded.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./curation backup} and {@code ./curation restore}: the event store (with the command
 * side's own tables: slugs, webhook secrets and deliveries, idempotency, git bridges) as a base
 * backup of the stack's PostgreSQL taken while it runs, the issuer's signing key, and a manifest
 * with every file's checksum, written last: a backup without it was interrupted and restores
 * nothing. A restore checks every checksum, makes a new data directory, lets PostgreSQL recover to
 * the backup's end, and prepares the first start: the publisher sends the whole event store to the
 * (new) topic again and the read models are projected afresh from it.
 */
final class Backups {

    static final String MANIFEST = "MANIFEST";
    private static final String FORMAT = "curation-backup 1";

    private Backups() {
    }

    /** What a backup holds, as its manifest says. */
    record Manifest(Instant takenAt, String startLsn, String stopLsn, long events, Map<String, String> sums,
                    Map<String, Long> sizes) {
    }

    static void backup(Path dataDir, Path to, PrintStream out) {
        Path postgres = dataDir.resolve("postgres");
        if (!Files.isRegularFile(postgres.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException("no local stack's data in " + dataDir + " (no " + postgres.resolve("PG_VERSION") + ")");
        }
        if (Files.exists(to) && !isEmpty(to)) {
            throw new IllegalArgumentException(to + " is not empty: a backup goes into a new directory");
        }
        Optional<Integer> running = runningPort(postgres);
        PostgresServer started = null;
        try {
            int port;
            if (running.isPresent()) {
                port = running.get();
                out.println("Backing up the running stack's PostgreSQL (port " + port + ") while it serves ...");
            } else {
                port = Ports.free();
                out.println("The stack is stopped: starting its PostgreSQL on port " + port + " for the backup ...");
                started = PostgresServer.start(port, postgres);
            }
            Instant begun = Instant.now();
            BaseBackup.Result result = BaseBackup.take(port, postgres, to.resolve("postgres"));
            long events = events(port);
            Path key = dataDir.resolve("identity").resolve("signing-key.jwk");
            if (Files.isRegularFile(key)) {
                Files.createDirectories(to.resolve("identity"));
                Files.copy(key, to.resolve("identity").resolve("signing-key.jwk"));
            }
            writeManifest(to, result, events);
            out.printf("Backup complete in %.1f s: %s (events up to global index %d, WAL %s to %s)%n",
                    Duration.between(begun, Instant.now()).toMillis() / 1000.0,
                    to, events, result.startLsn(), result.stopLsn());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    static void restore(Path from, Path dataDir, boolean force, PrintStream out) {
        Manifest manifest = verify(from);
        if (Files.exists(dataDir) && !isEmpty(dataDir)) {
            if (!force) {
                throw new IllegalArgumentException(dataDir + " is not empty; restore into a new directory, or add --force to "
                        + "replace what is there");
            }
            if (runningPort(dataDir.resolve("postgres")).isPresent()) {
                throw new IllegalArgumentException("a stack is running on " + dataDir + "; stop it first");
            }
            deleteTree(dataDir);
        }
        try {
            Path postgres = dataDir.resolve("postgres");
            copyTree(from.resolve("postgres"), postgres);
            Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwx------"));
            Path key = from.resolve("identity").resolve("signing-key.jwk");
            if (Files.isRegularFile(key)) {
                Files.createDirectories(dataDir.resolve("identity"));
                Files.copy(key, dataDir.resolve("identity").resolve("signing-key.jwk"));
            }
            int port = Ports.free();
            out.println("Recovering PostgreSQL to the backup's end (" + manifest.stopLsn() + ") ...");
            long events;
            try (PostgresServer server = PostgresServer.start(port, postgres)) {
                events = prepareFirstStart(server);
            }
            Files.writeString(dataDir.resolve("restored-from"), from.toAbsolutePath() + "\n" + manifest.takenAt() + "\n");
            out.println("Restored " + events + " events into " + dataDir + ". Start it with: ./curation start --data-dir "
                    + dataDir + " (the topic is filled again from the event store and the read models are projected "
                    + "afresh on that start).");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest, once every file it names has its size and checksum. */
    static Manifest verify(Path from) {
        Path file = from.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(from + " holds no complete backup (no " + MANIFEST + "): it was interrupted "
                    + "or is not a backup; take another");
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.getFirst().equals(FORMAT) || !lines.getLast().startsWith("end ")) {
                throw new IllegalArgumentException(file + " is not a complete manifest of a curation backup");
            }
            Map<String, String> header = new java.util.HashMap<>();
            Map<String, String> sums = new java.util.LinkedHashMap<>();
            Map<String, Long> sizes = new java.util.LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size() - 1)) {
                if (line.startsWith("file ")) {
                    String[] parts = line.split(" ", 4);
                    sums.put(parts[3], parts[1]);
                    sizes.put(parts[3], Long.parseLong(parts[2]));
                } else {
                    int space = line.indexOf(' ');
                    header.put(line.substring(0, space), line.substring(space + 1));
                }
            }
            if (Integer.parseInt(lines.getLast().substring(4)) != sums.size()) {
                throw new IllegalArgumentException(file + " names " + sums.size() + " files but says " + lines.getLast());
            }
            for (Map.Entry<String, String> entry : sums.entrySet()) {
                Path member = from.resolve(entry.getKey());
                if (!Files.isRegularFile(member)) {
                    throw new IllegalArgumentException("the backup is missing " + entry.getKey() + "; it cannot be restored");
                }
                if (Files.size(member) != sizes.get(entry.getKey()) || !sha256(member).equals(entry.getValue())) {
                    throw new IllegalArgumentException("checksum mismatch: " + entry.getKey() + " is not the file the backup "
                            + "wrote; the backup is damaged and cannot be restored");
                }
            }
            return new Manifest(Instant.parse(header.get("taken-at")), header.get("start-lsn"), header.get("stop-lsn"),
                    Long.parseLong(header.getOrDefault("events", "0")), sums, sizes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The first start after a restore rebuilds what is derived: the publisher starts over (its
     * token goes; the new topic is empty) and the query database goes (the query service makes it
     * again and projects the republished topic). Webhook deliveries and their outbox keep their
     * place: nothing is delivered twice.
     */
    private static long prepareFirstStart(PostgresServer server) {
        try (Connection events = DriverManager.getConnection(server.jdbcUrl(LocalStack.EVENTS_DB), PostgresServer.USER, "");
             Statement s = events.createStatement()) {
            // as a republish does: an empty token is "from the first event" (a deleted row would be
            // initialised with a replay token the JSON serializer cannot read back)
            s.executeUpdate("UPDATE token_entry SET token = NULL, token_type = NULL, owner = NULL"
                    + " WHERE processor_name = 'kafka-publisher'");
            long count;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                rs.next();
                count = rs.getLong(1);
            }
            try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "");
                 Statement a = admin.createStatement()) {
                a.execute("DROP DATABASE IF EXISTS " + LocalStack.QUERY_DB);
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("the restored event store could not be prepared: " + e.getMessage(), e);
        }
    }

    private static long events(int port) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + LocalStack.EVENTS_DB,
                PostgresServer.USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void writeManifest(Path to, BaseBackup.Result result, long events) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add("taken-at " + result.stoppedAt());
        lines.add("start-lsn " + result.startLsn());
        lines.add("stop-lsn " + result.stopLsn());
        lines.add("events " + events);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(to)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = to.relativize(file).toString();
            lines.add("file " + sha256(file) + " " + Files.size(file) + " " + relative);
        }
        lines.add("end " + files.size());
        Path partial = to.resolve(MANIFEST + ".partial");
        Files.write(partial, lines, StandardCharsets.UTF_8);
        // the manifest appears whole or not at all: a backup killed before this line has none
        Files.move(partial, to.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The port of the PostgreSQL serving {@code postgres}, when one is running (its pid file's fourth line). */
    static Optional<Integer> runningPort(Path postgres) {
        Path pid = postgres.resolve("postmaster.pid");
        if (Leftovers.alive(pid).isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pid);
            return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + dir, e);
        }
    }
}
