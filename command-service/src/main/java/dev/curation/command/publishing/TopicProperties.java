package dev.curation.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The published log ({@code curation.kafka.*}): topic name, and the partitions and replication
 * used when the service creates the topic on start.
 */
@ConfigurationProperties("curation.kafka")
public record TopicProperties(@DefaultValue("curation.list-events") String topic,
                              @DefaultValue("6") int partitions,
                              @DefaultValue("1") short replicas) {
}
