package dev.curation.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, started on first use and stopped when
 * the JVM exits. Each test class asks for its own database and topic names so that tests do
 * not see each other's data.
 */
public final class TestInfrastructure {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            // every cached Spring test context keeps its pool open: room for all of them
            postgres = PostgresServer.start(Ports.free(), null, Map.of("max_connections", "400"));
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            try {
                Path dir = Files.createTempDirectory("curation-test-kafka");
                kafka = KafkaBroker.start(Ports.free(), Ports.free(), dir);
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-test-kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kafka;
    }

    /** A new, empty database; returns its JDBC URL (user {@value PostgresServer#USER}, no password). */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        postgres().createDatabase(name);
        return postgres().jdbcUrl(name);
    }

    /** A topic name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }
}
