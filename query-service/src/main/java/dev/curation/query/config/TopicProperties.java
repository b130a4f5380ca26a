package dev.curation.query.config;

import static dev.curation.service.SettingChecks.notBlank;

import dev.curation.core.list.EventEnvelope;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.kafka.*} of the query service.
 *
 * @param topic the topic of list events the read models are projected from: the command service's
 *              {@code curation.kafka.topic}
 */
@ConfigurationProperties("curation.kafka")
public record TopicProperties(@DefaultValue(EventEnvelope.TOPIC) String topic) {

    public TopicProperties {
        notBlank("curation.kafka.topic", topic);
    }
}
