package dev.curation.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    @Test
    void postgresAnswersSqlInAFreshDatabase() throws Exception {
        String url = TestInfrastructure.newDatabase("infra");
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "");
             ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(url).endsWith("/" + rs.getString(1));
            assertThat(rs.getString(2)).startsWith("PostgreSQL");
        }
    }

    @Test
    void kafkaBrokerStoresAndServesRecordsWithAcksAll() throws Exception {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        String topic = TestInfrastructure.uniqueName("infra");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", bootstrap);
        producerProps.put("acks", "all");
        producerProps.put("enable.idempotence", "true");
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "héllo 世界")).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.put("bootstrap.servers", bootstrap);
        consumerProps.put("group.id", topic);
        consumerProps.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 20 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("k");
                assertThat(r.value().getBytes(StandardCharsets.UTF_8)).isEqualTo("héllo 世界".getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void aTakenPortIsReportedWithTheOptionToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "query-service", "--query-port"))
                    .isInstanceOf(Ports.PortTakenException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("--query-port");
        }
    }
}
