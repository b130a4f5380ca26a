package dev.curation.query.links;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
@EnableConfigurationProperties(LinkHealthProperties.class)
class LinkHealthConfig {

    static final String LISTENER_FACTORY = "linkHealthListenerFactory";

    /** The topic of check results, keyed by URL hash; created if missing, replicated as the broker's default. */
    @Bean
    NewTopic linkChecksTopic(LinkHealthProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(3).build();
    }

    /**
     * A container of its own for the link-health group: batches, acknowledged after their
     * transaction, a database failure retried with growing pauses (nothing is skipped but records
     * that cannot be read), and none of the list projection's rebalance handling.
     */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> linkHealthListenerFactory(ConsumerFactory<String, byte[]> consumers) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
