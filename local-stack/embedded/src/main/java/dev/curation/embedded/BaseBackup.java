package dev.curation.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A base backup of a running PostgreSQL without stopping it, through its low-level API (what
 * {@code pg_basebackup} does over the replication protocol; zonky's binaries ship no client
 * tools): the data directory is copied between {@code pg_start_backup} and {@code pg_stop_backup},
 * then the WAL written meanwhile, held by a temporary replication slot so that no checkpoint
 * recycles it. The copy plus {@code backup_label} is a data directory PostgreSQL recovers to the
 * moment the backup stopped; with archived WAL and a recovery target, to any moment after it.
 */
public final class BaseBackup {

    /** Where the backup starts and stops in the WAL, and when it stopped. */
    public record Result(String startLsn, String stopLsn, Instant stoppedAt, List<String> walFiles) {
    }

    /** Not copied: the server's own run-time state, rebuilt at start (the documentation's list), and the WAL (apart). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "backup_label.old", "tablespace_map", "recovery.signal", "standby.signal");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

    private BaseBackup() {
    }

    /**
     * Copies the cluster in {@code dataDirectory}, served on {@code port}, into {@code target}
     * (created; must not exist): a data directory with {@code backup_label} and the WAL it needs.
     */
    public static Result take(int port, Path dataDirectory, Path target) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "")) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // held by this session only: a backup killed half-way leaves no slot behind
                s.execute("SELECT pg_create_physical_replication_slot('curation_backup_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "', true, true)");
            }
            boolean modern = version(c) >= 150000;
            String startLsn;
            try (PreparedStatement start = c.prepareStatement(modern ? "SELECT pg_backup_start(?, true)"
                    : "SELECT pg_start_backup(?, true, false)")) {
                start.setString(1, "curation backup " + Instant.now());
                startLsn = single(start);
            }
            Files.createDirectories(target.getParent());
            Files.createDirectory(target);
            copyCluster(dataDirectory, target);
            String stopLsn;
            String label;
            String tablespaces;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(modern
                    ? "SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)"
                    : "SELECT lsn, labelfile, spcmapfile FROM pg_stop_backup(false, false)")) {
                rs.next();
                stopLsn = rs.getString(1);
                label = rs.getString(2);
                tablespaces = rs.getString(3);
            }
            Instant stoppedAt = Instant.now();
            String startSegment;
            String stopSegment;
            try (Statement s = c.createStatement()) {
                // the segment holding the backup's end is finished and flushed, then copied whole
                s.execute("SELECT pg_switch_wal()");
                try (ResultSet rs = s.executeQuery("SELECT pg_walfile_name('" + startLsn + "'), pg_walfile_name('" + stopLsn + "')")) {
                    rs.next();
                    startSegment = rs.getString(1);
                    stopSegment = rs.getString(2);
                }
            }
            Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
            if (tablespaces != null && !tablespaces.isEmpty()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
            }
            List<String> wal = copyWal(dataDirectory.resolve("pg_wal"), target.resolve("pg_wal"), startSegment, stopSegment);
            return new Result(startLsn, stopLsn, stoppedAt, wal);
        } catch (SQLException e) {
            throw new IllegalStateException("the base backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the base backup could not copy the data directory", e);
        }
    }

    private static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    private static String single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every file but the run-time state; files may change or vanish while copied: the WAL repairs that. */
    private static void copyCluster(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(dir);
                Files.createDirectories(to.resolve(relative.toString()));
                if (relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(relative.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (dir.getFileName() != null && dir.getFileName().toString().startsWith("pgsql_tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(file);
                if (relative.getNameCount() == 1 && SKIPPED_FILES.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException gone) {
                    // dropped while copying (a temporary relation): the WAL says so
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** The segments from the backup's start to its end (and timeline history files), copied whole. */
    private static List<String> copyWal(Path from, Path to, String first, String last) throws IOException {
        List<String> copied = new ArrayList<>();
        Files.createDirectories(to.resolve("archive_status"));
        try (var files = Files.list(from)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                boolean segment = WAL_SEGMENT.matcher(name).matches() && name.compareTo(first) >= 0 && name.compareTo(last) <= 0;
                if (segment || name.endsWith(".history")) {
                    Files.copy(file, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    copied.add(name);
                }
            }
        }
        if (!copied.contains(last)) {
            throw new IllegalStateException("the WAL segment " + last + " that ends the backup is gone from " + from);
        }
        return copied;
    }
}
