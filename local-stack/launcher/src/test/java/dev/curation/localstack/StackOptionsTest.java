package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options as a user gives them: defaults that do not collide, and two parts on one port refused by name. */
class StackOptionsTest {

    @Test
    void theDefaultsGiveEveryPartAPortOfItsOwn() {
        StackOptions options = StackOptions.parse(new String[] {"start"}, Map.of());
        assertThat(List.of(options.webPort(), options.commandPort(), options.queryPort(), options.identityPort(),
                options.kafkaPort(), options.kafkaControllerPort(), options.pgPort()))
                .containsExactly(8080, 8081, 8082, 8083, 9092, 9093, 15432);
    }

    @Test
    void theWebAppsPortAndJarComeFromAnOptionOrTheEnvironment() {
        Map<String, String> env = Map.of("CURATION_WEB_PORT", "18080", "CURATION_WEB_JAR", "/opt/curator-web-exec.jar");
        assertThat(StackOptions.parse(new String[] {"start"}, env).webPort()).isEqualTo(18080);
        assertThat(StackOptions.parse(new String[] {"start"}, env).webJar()).hasToString("/opt/curator-web-exec.jar");
        assertThat(StackOptions.parse(new String[] {"start", "--web-port", "9080"}, env).webPort()).isEqualTo(9080);
        assertThat(StackOptions.USAGE).contains("--web-port PORT").contains("CURATION_WEB_PORT").contains("default 8080");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "--web-port=8082"}, Map.of()))
                .hasMessage("--query-port and --web-port are both 8082; give each part a port of its own");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "--web-port", "http"}, Map.of()))
                .hasMessage("--web-port must be a port number between 1 and 65535, not 'http'");
    }

    @Test
    void theWebAppRunsUnlessTurnedOff() {
        assertThat(StackOptions.parse(new String[] {"start"}, Map.of()).webApp()).isTrue();
        assertThat(StackOptions.parse(new String[] {"start", "--web", "off"}, Map.of()).webApp()).isFalse();
        assertThat(StackOptions.parse(new String[] {"start"}, Map.of("CURATION_WEB", "off")).webApp()).isFalse();
        assertThat(StackOptions.USAGE).contains("--web on|off");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "--web", "maybe"}, Map.of()))
                .hasMessage("--web must be on or off, not 'maybe'");
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

    @Test
    void helpIsAskedForAndAWrongOptionIsNamed() {
        for (String help : List.of("-h", "--help")) {
            assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "--web-port", "9080", help}, Map.of()))
                    .isInstanceOfSatisfying(StackOptions.UsageException.class, e -> assertThat(e.isHelp()).isTrue());
        }
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "--bogus", "1"}, Map.of()))
                .isInstanceOfSatisfying(StackOptions.UsageException.class, e -> assertThat(e.isHelp()).isFalse())
                .hasMessage("unknown option --bogus");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "--quick"}, Map.of()))
                .hasMessage("unknown or incomplete option: --quick");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"start", "stop"}, Map.of()))
                .hasMessage("unknown or incomplete option: stop");
        assertThat(StackOptions.USAGE).contains("--java-opts").contains("--help");
    }
}
