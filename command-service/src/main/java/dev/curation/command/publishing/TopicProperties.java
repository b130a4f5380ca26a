package dev.curation.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The published log ({@code curation.kafka.*}): topic name, and the partitions, replication and
 * in-sync replicas used when the service creates the topic on start (ADR 9). With
 * {@code acks=all}, a record is acknowledged once {@code minInSyncReplicas} brokers hold it;
 * 0 means "one less than the replicas, at least 1".
 */
@ConfigurationProperties("curation.kafka")
public record TopicProperties(@DefaultValue("curation.list-events") String topic,
                              @DefaultValue("6") int partitions,
                              @DefaultValue("1") short replicas,
                              @DefaultValue("0") int minInSyncReplicas) {

    public int effectiveMinInSyncReplicas() {
        return minInSyncReplicas > 0 ? minInSyncReplicas : Math.max(1, replicas - 1);
    }
}
