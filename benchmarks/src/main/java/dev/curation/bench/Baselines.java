package dev.curation.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the same PostgreSQL server and Kafka broker do without the product in between. */
final class Baselines {

    private Baselines() {
    }

    /** Single-row INSERT + COMMIT per transaction from {@code clients} connections for {@code duration}: rows/s. */
    static double postgresInsertCommit(Stack stack, int clients, Duration duration) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbc("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_baseline (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        }
        LongAdder rows = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(stack.jdbc("postgres"), "postgres", "");
                     PreparedStatement insert = c.prepareStatement("INSERT INTO bench_baseline (payload) VALUES (?)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setString(1, "- [a link](https://example.com/" + System.nanoTime() + ")");
                        insert.executeUpdate();
                        rows.increment();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return rows.sum() / (duration.toNanos() / 1e9);
    }

    record KafkaRates(double produced, double consumed) {
    }

    /** Producer (acks=all, idempotent, the publisher's settings) and consumer rates on a topic laid out like the events topic. */
    static KafkaRates kafka(Stack stack, int records, int size) throws Exception {
        String topic = "bench-baseline-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.bootstrap());
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "5");
        p.put("compression.type", "lz4");
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'x');
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                sends.add(producer.send(new ProducerRecord<>(topic, "list-" + (i % 64), value)));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        double produced = records / ((System.nanoTime() - start) / 1e9);
        Properties c = new Properties();
        c.put("bootstrap.servers", stack.bootstrap());
        c.put("group.id", topic);
        c.put("auto.offset.reset", "earliest");
        c.put("max.poll.records", "500");
        long read = 0;
        start = 0;
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (read < records) {
                int count = consumer.poll(Duration.ofMillis(200)).count();
                if (count > 0 && start == 0) {
                    start = System.nanoTime(); // from the first record: group join is not reading
                }
                read += count;
            }
        }
        return new KafkaRates(produced, records / ((System.nanoTime() - start) / 1e9));
    }

    /**
     * Requests/s of a minimal server: the JDK's HttpServer answering two paths with fixed bytes
     * from memory (one thread per request), read by the same client the product's reads use.
     */
    static double inMemoryHttp(Api api, byte[] markdown, byte[] structure, int clients, Duration duration) throws Exception {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().equals("/markdown") ? markdown : structure;
            exchange.getResponseHeaders().set("Content-Type",
                    body == markdown ? "text/markdown;charset=UTF-8" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            LoadDriver.run(clients, Duration.ofSeconds(3), (client, n) -> api.getUrl(base + (n % 2 == 0 ? "/markdown" : "/json"))
                    .statusCode() == 200);
            return LoadDriver.run(clients, duration, (client, n) -> {
                var r = api.getUrl(base + (n % 2 == 0 ? "/markdown" : "/json"));
                return r.statusCode() == 200 && r.body().length == (n % 2 == 0 ? markdown.length : structure.length);
            }).rate();
        } finally {
            server.stop(0);
        }
    }
}
