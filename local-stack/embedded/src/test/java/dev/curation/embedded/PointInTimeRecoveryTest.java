package dev.curation.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of the real (embedded) PostgreSQL: a base backup taken while rows are written restores
 * to its end, and with the WAL archived, to a moment between two changes: exactly the changes
 * before that moment are there (what operations.md tells production to do with WAL archiving).
 */
class PointInTimeRecoveryTest {

    /** A moment as PostgreSQL reads it (microseconds at most, with the offset). */
    private static final DateTimeFormatter POSTGRES_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aBaseBackupAndTheArchivedWalRestoreToAMomentBetweenTwoChanges() throws Exception {
        Path data = dir.resolve("data");
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Instant between;
        int port = Ports.free();
        // settings with spaces go in the configuration file (zonky hands command-line settings to pg_ctl -o, split at spaces)
        PostgresServer.start(port, data).close();
        configure(data, Map.of("archive_mode", "on", "archive_command", "cp %p " + archive + "/%f"));
        try (PostgresServer server = PostgresServer.start(port, data)) {
            sql(server, "CREATE TABLE change (name TEXT PRIMARY KEY)", "INSERT INTO change VALUES ('before the backup')");
            BaseBackup.Result backup = BaseBackup.take(port, data, dir.resolve("backup"));
            assertThat(backup.walFiles()).isNotEmpty();
            sql(server, "INSERT INTO change VALUES ('kept')");
            Thread.sleep(1500);
            between = Instant.now();
            Thread.sleep(1500);
            sql(server, "INSERT INTO change VALUES ('the mistake')");
            String last = single(server, "SELECT pg_walfile_name(pg_current_wal_lsn())");
            sql(server, "SELECT pg_switch_wal()");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!archived(archive, last) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(archived(archive, last)).as("WAL %s archived", last).isTrue();
        }

        // the backup alone: up to its end, nothing after
        assertThat(restore(dir.resolve("backup"), dir.resolve("at-backup"), Map.of()))
                .containsExactly("before the backup");
        // the backup and the archive, to the moment between the two changes
        Path pitr = dir.resolve("at-moment");
        assertThat(restore(dir.resolve("backup"), pitr, Map.of("restore_command", "cp " + archive + "/%f %p",
                "recovery_target_time", POSTGRES_TIME.format(between), "recovery_target_action", "promote")))
                .containsExactly("before the backup", "kept");
    }

    private static List<String> restore(Path backup, Path into, Map<String, String> settings) throws Exception {
        copy(backup, into);
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwx------"));
        if (settings.containsKey("restore_command")) {
            Files.createFile(into.resolve("recovery.signal"));
        }
        // the copy of the server's own configuration would archive into the same folder: not from a restore
        configure(into, Map.of("archive_mode", "off"));
        configure(into, settings);
        try (PostgresServer server = PostgresServer.start(Ports.free(), into)) {
            List<String> names = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM change ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names.stream().sorted((a, b) -> a.equals("before the backup") ? -1 : b.equals("before the backup") ? 1
                    : a.compareTo(b)).toList();
        }
    }

    private static void configure(Path data, Map<String, String> settings) throws IOException {
        StringBuilder lines = new StringBuilder();
        settings.forEach((k, v) -> lines.append(k).append(" = '").append(v.replace("'", "''")).append("'\n"));
        Files.writeString(data.resolve("postgresql.auto.conf"), lines.toString(), StandardOpenOption.APPEND);
    }

    private static boolean archived(Path archive, String segment) {
        return Files.exists(archive.resolve(segment));
    }

    private static void sql(PostgresServer server, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String single(PostgresServer server, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
