package dev.curation.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicPropertiesTest {

    @Test
    void inSyncReplicasAreOneLessThanTheReplicasUnlessSet() {
        assertThat(new TopicProperties("t", 6, (short) 1, 0).effectiveMinInSyncReplicas()).isEqualTo(1);
        assertThat(new TopicProperties("t", 6, (short) 3, 0).effectiveMinInSyncReplicas()).isEqualTo(2);
        assertThat(new TopicProperties("t", 6, (short) 3, 3).effectiveMinInSyncReplicas()).isEqualTo(3);
    }
}
