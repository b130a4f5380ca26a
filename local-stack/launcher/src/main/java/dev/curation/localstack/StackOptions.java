package dev.curation.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings of the local stack: command-line options win over environment variables, which win
 * over defaults.
 */
public record StackOptions(Path dataDir, int webPort, int commandPort, int queryPort, int identityPort, int kafkaPort,
                           int kafkaControllerPort, int pgPort, Path seedsDir, Path webJar, Path commandJar, Path queryJar,
                           Path identityJar, String javaOptions, boolean linkChecks, boolean webApp) {

    /**
     * Each service's JVM options unless told otherwise: small heaps, and G1 (the JVM's own default on
     * two cores), whose concurrent marking spared the services the serial collector's full
     * collections of 0.4 to 1 s under load with large lists (ADR 32).
     */
    static final String DEFAULT_JAVA_OPTS = "-Xms64m -Xmx384m -XX:+UseG1GC";

    public static final String USAGE = """
            usage: ./curation start [options]
              --data-dir DIR         where data lives (env CURATION_DATA_DIR, default ./.curation)
              --web-port PORT        the curator web app's HTTP port (env CURATION_WEB_PORT, default 8080)
              --command-port PORT    command-service HTTP port (env CURATION_COMMAND_PORT, default 8081)
              --query-port PORT      query-service HTTP port (env CURATION_QUERY_PORT, default 8082)
              --identity-port PORT   the OIDC issuer's HTTP port (env CURATION_IDENTITY_PORT, default 8083)
              --kafka-port PORT      Kafka bootstrap port (env CURATION_KAFKA_PORT, default 9092)
              --kafka-controller-port PORT  KRaft controller port (env CURATION_KAFKA_CONTROLLER_PORT, default kafka port + 1)
              --pg-port PORT         PostgreSQL port (env CURATION_PG_PORT, default 15432)
              --seeds DIR            Markdown lists imported when missing (env CURATION_SEEDS_DIR, default ./seeds)
              --link-checks on|off   check the lists' links on the internet (env CURATION_LINK_CHECKS, default on)
              --web on|off           run the curator web app (env CURATION_WEB, default on)
              --java-opts "OPTS"     each service's JVM options (env CURATION_JAVA_OPTS, default "-Xms64m -Xmx384m -XX:+UseG1GC")
              -h, --help             this text
            """;

    public static StackOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("start")) {
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                throw UsageException.help();
            }
            String name;
            String value;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(2, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                name = arg.substring(2);
                value = args[++i];
            } else {
                throw new UsageException("unknown or incomplete option: " + arg);
            }
            given.put(name, value);
        }
        OptionSource source = new OptionSource(given, env);
        int kafkaPort = source.port("kafka-port", 9092);
        StackOptions options = new StackOptions(
                Path.of(source.get("data-dir", ".curation")).toAbsolutePath().normalize(),
                source.port("web-port", 8080),
                source.port("command-port", 8081),
                source.port("query-port", 8082),
                source.port("identity-port", 8083),
                kafkaPort,
                source.port("kafka-controller-port", kafkaPort + 1),
                source.port("pg-port", 15432),
                Path.of(source.get("seeds", "seeds")).toAbsolutePath().normalize(),
                Path.of(source.get("web-jar", "curator-web/target/curator-web-exec.jar")).toAbsolutePath(),
                Path.of(source.get("command-jar", "command-service/target/command-service-exec.jar")).toAbsolutePath(),
                Path.of(source.get("query-jar", "query-service/target/query-service-exec.jar")).toAbsolutePath(),
                Path.of(source.get("identity-jar", "identity/target/identity-exec.jar")).toAbsolutePath(),
                source.get("java-opts", DEFAULT_JAVA_OPTS),
                source.onOff("link-checks", true),
                source.onOff("web", true));
        source.rejectUnknown();
        requireDistinct(Map.of("--web-port", options.webPort(), "--pg-port", options.pgPort(), "--kafka-port", options.kafkaPort(),
                "--kafka-controller-port", options.kafkaControllerPort(), "--command-port", options.commandPort(),
                "--query-port", options.queryPort(), "--identity-port", options.identityPort()));
        return options;
    }

    /** Two parts on one port would have the second fail to start, with a less clear message. */
    private static void requireDistinct(Map<String, Integer> ports) {
        Map<Integer, String> seen = new HashMap<>();
        new TreeMap<>(ports).forEach((option, port) -> {
            String other = seen.putIfAbsent(port, option);
            if (other != null) {
                throw new UsageException(other + " and " + option + " are both " + port + "; give each part a port of its own");
            }
        });
    }

    /** Looks up {@code --name}, then {@code CURATION_NAME} in the environment, then the default. */
    private static final class OptionSource {
        private final Map<String, String> given;
        private final Map<String, String> env;
        private final Set<String> known = new HashSet<>();

        OptionSource(Map<String, String> given, Map<String, String> env) {
            this.given = given;
            this.env = env;
        }

        String get(String name, String fallback) {
            known.add(name);
            if (given.containsKey(name)) {
                return given.get(name);
            }
            String fromEnv = env.get("CURATION_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (name.equals("seeds") && fromEnv == null) {
                fromEnv = env.get("CURATION_SEEDS_DIR");
            }
            return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
        }

        boolean onOff(String name, boolean fallback) {
            String value = get(name, fallback ? "on" : "off").strip();
            return switch (value) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw new UsageException("--" + name + " must be on or off, not '" + value + "'");
            };
        }

        int port(String name, int fallback) {
            String value = get(name, Integer.toString(fallback));
            try {
                int port = Integer.parseInt(value.strip());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a port number between 1 and 65535, not '" + value + "'");
            }
        }

        void rejectUnknown() {
            for (String name : given.keySet()) {
                if (!known.contains(name)) {
                    throw new UsageException("unknown option --" + name);
                }
            }
        }
    }

    /** What is wrong with the options (exit 2), or a request for the usage (empty message, exit 0). */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }

        static UsageException help() {
            return new UsageException("");
        }

        /** Whether the usage was asked for ({@code -h}, {@code --help}) rather than an option wrong. */
        public boolean isHelp() {
            return "".equals(getMessage());
        }
    }
}
