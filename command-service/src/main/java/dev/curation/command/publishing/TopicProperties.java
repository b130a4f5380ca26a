package dev.curation.command.publishing;

import static dev.curation.service.SettingChecks.atLeast;
import static dev.curation.service.SettingChecks.notBlank;

import dev.curation.core.list.EventEnvelope;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The published log ({@code curation.kafka.*}): topic name, and the partitions, replication and
 * in-sync replicas used when the service creates the topic on start (ADR 9).
 *
 * @param topic             the topic list events are published to; the query service reads the same setting
 * @param partitions        partitions of the topic when the service creates it
 * @param replicas          replicas of each partition when the service creates the topic
 * @param minInSyncReplicas with {@code acks=all}, a record is acknowledged once this many brokers hold it;
 *                          0 means "one less than the replicas, at least 1"
 */
@ConfigurationProperties("curation.kafka")
public record TopicProperties(@DefaultValue(EventEnvelope.TOPIC) String topic,
                              @DefaultValue("6") int partitions,
                              @DefaultValue("1") short replicas,
                              @DefaultValue("0") int minInSyncReplicas) {

    public TopicProperties {
        notBlank("curation.kafka.topic", topic);
        atLeast("curation.kafka.partitions", partitions, 1);
        atLeast("curation.kafka.replicas", replicas, 1);
        atLeast("curation.kafka.min-in-sync-replicas", minInSyncReplicas, 0);
    }

    public int effectiveMinInSyncReplicas() {
        return minInSyncReplicas > 0 ? minInSyncReplicas : Math.max(1, replicas - 1);
    }
}
