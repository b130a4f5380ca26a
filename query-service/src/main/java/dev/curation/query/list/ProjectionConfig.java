package dev.curation.query.list;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ProjectionConfig {

    /**
     * What reaches this handler is a database failure (a record that cannot apply quarantines its
     * list instead, ADR 8): the batch is retried, with growing pauses, until it applies. Skipping
     * an event would leave a read model silently wrong. The failure is logged on every attempt.
     */
    @Bean
    CommonErrorHandler retryForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }

    /**
     * With several query-service replicas, a list's partition can move to another replica and
     * back: what this one kept in memory of the list would then be stale. Lists are read from the
     * database again after any change of assignment.
     */
    @Bean
    ConsumerAwareRebalanceListener forgetListsOnRebalance(ListProjection projection) {
        return new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                projection.forgetLists();
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                projection.forgetLists();
            }
        };
    }
}
