package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options as a user gives them: defaults that do not collide, and two parts on one port refused by name. */
class StackOptionsTest {

    @Test
    void theDefaultsGiveEveryPartAPortOfItsOwn() {
        StackOptions options = StackOptions.parse(new String[] {"start"}, Map.of());
        assertThat(java.util.List.of(options.commandPort(), options.queryPort(), options.identityPort(), options.kafkaPort(),
                options.kafkaControllerPort(), options.pgPort())).containsExactly(8081, 8082, 8083, 9092, 9093, 15432);
    }

    @Test
    void twoPartsOnOnePortAreRefusedByName() {
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "--identity-port", "8081"}, Map.of()))
                .isInstanceOf(StackOptions.UsageException.class)
                .hasMessage("--command-port and --identity-port are both 8081; give each part a port of its own");
        // the controller's default follows the Kafka port, and can meet another part there
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start"}, Map.of("CURATION_KAFKA_PORT", "8082")))
                .hasMessageContaining("--kafka-controller-port").hasMessageContaining("8083");
    }
}
