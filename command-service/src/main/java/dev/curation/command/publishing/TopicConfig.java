package dev.curation.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class TopicConfig {

    /** Created on start when missing. Retention is unlimited: the read side can be rebuilt from the topic alone. */
    @Bean
    NewTopic listEventsTopic(TopicProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .config("retention.ms", "-1")
                .config("retention.bytes", "-1")
                .config("cleanup.policy", "delete")
                .config("max.message.bytes", String.valueOf(8 * 1024 * 1024))
                .config("min.insync.replicas", String.valueOf(properties.effectiveMinInSyncReplicas()))
                .config("unclean.leader.election.enable", "false")
                .build();
    }

    /** A failed send must stop the publisher and be retried, never be logged and skipped. */
    @Bean
    ConfigurerModule publisherFailsLoudly() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSOR, c -> PropagatingErrorHandler.instance());
    }
}
