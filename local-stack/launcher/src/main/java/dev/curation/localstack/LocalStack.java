package dev.curation.localstack;

import dev.curation.embedded.KafkaBroker;
import dev.curation.embedded.Ports;
import dev.curation.embedded.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * Starts the whole product locally: PostgreSQL, Kafka, the OIDC issuer (identity),
 * command-service, query-service and the curator web app, then imports the seeds. {@link #close()} stops everything it started, in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    static final String EVENTS_DB = "curation_events";
    static final String QUERY_DB = "curation_query";
    /** The web app's sessions (its own schema in its own database). */
    static final String WEB_DB = "curation_web";
    /** The web app's client at the issuer; the secret is a well-known one, as the local accounts' are. */
    static final String WEB_CLIENT_ID = "curator-web";
    static final String WEB_CLIENT_SECRET = "curator-web-local";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** The aud claim of the local issuer's tokens, which the command service requires. */
    static final String AUDIENCE = "curation";

    private final StackOptions options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private List<SeedImporter.Result> seeds = List.of();
    private SupervisedService command;
    private SupervisedService query;
    private SupervisedService identity;
    private SupervisedService web;

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(BackupCommand.run(args, System.getenv(), System.out, System.err));
            return;
        }
        StackOptions options;
        try {
            options = StackOptions.parse(args, System.getenv());
        } catch (StackOptions.UsageException e) {
            if (e.isHelp()) {
                System.out.print(StackOptions.USAGE);
                System.exit(0);
                return;
            }
            System.err.println("curation start: " + e.getMessage());
            System.err.print(StackOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack;
        try {
            stack = start(options, System.out);
        } catch (RuntimeException e) {
            System.err.println("curation: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack...");
            stack.close();
            System.out.println("Stopped.");
        }, "stop-local-stack"));
        stack.printWelcome(System.out);
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts everything, or stops what was started and rethrows. */
    public static LocalStack start(StackOptions options, PrintStream out) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll(out);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(PrintStream out) {
        createDirectories(options.dataDir());
        Leftovers.clear(options.dataDir(), out);
        if (options.webApp()) {
            Ports.requireFree(options.webPort(), "the curator web app", "--web-port or CURATION_WEB_PORT");
        }
        Ports.requireFree(options.pgPort(), "PostgreSQL", "--pg-port or CURATION_PG_PORT");
        Ports.requireFree(options.kafkaPort(), "Kafka", "--kafka-port or CURATION_KAFKA_PORT");
        Ports.requireFree(options.kafkaControllerPort(), "the Kafka controller",
                "--kafka-controller-port or CURATION_KAFKA_CONTROLLER_PORT");
        Ports.requireFree(options.commandPort(), "command-service", "--command-port or CURATION_COMMAND_PORT");
        Ports.requireFree(options.queryPort(), "query-service", "--query-port or CURATION_QUERY_PORT");
        Ports.requireFree(options.identityPort(), "the OIDC issuer (identity)", "--identity-port or CURATION_IDENTITY_PORT");
        Path data = options.dataDir();
        createDirectories(data);
        out.println("Data directory: " + data);

        out.println("Starting PostgreSQL on 127.0.0.1:" + options.pgPort() + " ...");
        PostgresServer postgres = PostgresServer.start(options.pgPort(), data.resolve("postgres"));
        started.push(postgres);
        postgres.createDatabase(EVENTS_DB);
        postgres.createDatabase(QUERY_DB);
        postgres.createDatabase(WEB_DB);

        out.println("Starting Kafka on 127.0.0.1:" + options.kafkaPort() + " ...");
        KafkaBroker kafka = KafkaBroker.start(options.kafkaPort(), options.kafkaControllerPort(), data.resolve("kafka"));
        started.push(kafka);

        List<String> identitySettings = List.of(
                // the iss claim of its tokens: the address the command service checks them against
                "--spring.security.oauth2.authorizationserver.issuer=" + issuerUrl(),
                // kept with the data, so tokens given out survive a restart of the issuer
                "--curation.identity.key-file=" + data.resolve("identity").resolve("signing-key.jwk"),
                // the web app signs people in here (authorization code with PKCE) and comes back to its own port
                "--curation.identity.web-clients[0].client-id=" + WEB_CLIENT_ID,
                "--curation.identity.web-clients[0].secret={noop}" + WEB_CLIENT_SECRET,
                "--curation.identity.web-clients[0].redirect-uris[0]=" + webUrl() + "/login/oauth2/code/curation",
                "--curation.identity.web-clients[0].post-logout-redirect-uris[0]=" + webUrl() + "/");
        List<String> commandSettings = List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(EVENTS_DB),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--curation.import.query-base-url=" + queryUrl(),
                // the local stack imports and bridges lists in local clones (file:), kept under the data folder
                "--curation.git.allow-file=true",
                "--curation.git.work-dir=" + data.resolve("git"),
                // bearer tokens of the local issuer, beside the local HTTP Basic accounts
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUrl(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE);
        List<String> querySettings = List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(QUERY_DB),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                // static membership: a restarted query-service takes its partitions back at once,
                // instead of waiting for the session of the one that was killed to expire
                "--spring.kafka.consumer.properties[group.instance.id]=curation-query-local",
                // the link bot proposes fixes for dead links through the command service's API
                "--curation.links.enabled=" + options.linkChecks(),
                "--curation.links.bot.command-url=http://127.0.0.1:" + options.commandPort(),
                // and signs in there with a token of the local issuer, as it would in production
                "--curation.links.bot.token-uri=" + issuerUrl() + "/oauth2/token",
                // operators may sign in to its operations with the issuer's tokens
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUrl(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE);
        List<String> webSettings = List.of(
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + postgres.jdbcUrl(WEB_DB),
                // it names the issuer's endpoints rather than discovering them, so it starts whether or not they are up
                "--curation.web.query-url=" + queryUrl(),
                "--curation.web.command-url=" + commandUrl(),
                "--curation.web.issuer-url=" + issuerUrl(),
                "--curation.web.client-id=" + WEB_CLIENT_ID,
                "--curation.web.client-secret=" + WEB_CLIENT_SECRET);
        AotCache commandJar = new AotCache(options.commandJar());
        AotCache queryJar = new AotCache(options.queryJar());
        AotCache identityJar = new AotCache(options.identityJar());
        AotCache webJar = new AotCache(options.webJar());
        BooleanSupplier cachesReady = () -> commandJar.ready() && queryJar.ready() && identityJar.ready()
                && (!options.webApp() || webJar.ready());
        // one recording at a time for these jars, and only of the caches missing: stacks started at once (the
        // end-to-end tests run in two forks) would delete a cache another stack's services run from
        if (AotCache.supported() && !cachesReady.getAsBoolean()) {
            AotCache.TrainingLock lock = AotCache.lockTraining(options.commandJar());
            try {
                if (!cachesReady.getAsBoolean()) {
                    out.println("Recording the services' start-up caches (first start after a build; later starts are faster) ...");
                    CompletableFuture<Boolean> identityTrained = identityJar.ready() ? CompletableFuture.completedFuture(true)
                            : CompletableFuture.supplyAsync(() -> ServiceProcess.train(
                            "identity", identityJar, options.identityPort(), options.javaOptions(), data.resolve("logs"),
                            identitySettings));
                    CompletableFuture<Boolean> commandTrained = commandJar.ready() ? CompletableFuture.completedFuture(true)
                            : CompletableFuture.supplyAsync(() -> ServiceProcess.train(
                            "command-service", commandJar, options.commandPort(), options.javaOptions(), data.resolve("logs"),
                            commandSettings));
                    CompletableFuture<Boolean> queryTrained = queryJar.ready() ? CompletableFuture.completedFuture(true)
                            : CompletableFuture.supplyAsync(() -> ServiceProcess.train(
                            "query-service", queryJar, options.queryPort(), options.javaOptions(), data.resolve("logs"),
                            querySettings));
                    CompletableFuture<Boolean> webTrained = !options.webApp() || webJar.ready() ? CompletableFuture.completedFuture(true)
                            : CompletableFuture.supplyAsync(() -> ServiceProcess.train(
                            "curator-web", webJar, options.webPort(), options.javaOptions(), data.resolve("logs"), webSettings));
                    if (!commandTrained.join() || !queryTrained.join() || !identityTrained.join() || !webTrained.join()) {
                        out.println("  (could not record them, see the *-aot-training.log files; starting without)");
                    }
                }
            } finally {
                lock.close();
            }
        }

        out.println("Starting the OIDC issuer, command-service, query-service" + (options.webApp() ? " and the web app" : "")
                + " (logs in " + data.resolve("logs") + ") ...");
        SupervisedService identity = new SupervisedService("identity", () -> ServiceProcess.start(
                "identity", identityJar, options.identityPort(), options.javaOptions(), data.resolve("logs"),
                identitySettings), READY_TIMEOUT, data.resolve("run"), out).start();
        started.push(identity);
        this.identity = identity;
        SupervisedService command = new SupervisedService("command-service", () -> ServiceProcess.start(
                "command-service", commandJar, options.commandPort(), options.javaOptions(), data.resolve("logs"),
                commandSettings), READY_TIMEOUT, data.resolve("run"), out).start();
        started.push(command);
        SupervisedService query = new SupervisedService("query-service", () -> ServiceProcess.start(
                "query-service", queryJar, options.queryPort(), options.javaOptions(), data.resolve("logs"),
                querySettings), READY_TIMEOUT, data.resolve("run"), out).start();
        started.push(query);
        this.command = command;
        this.query = query;
        List<CompletableFuture<Void>> ready = new ArrayList<>(List.of(
                CompletableFuture.runAsync(identity::awaitReadyAndWatch),
                CompletableFuture.runAsync(command::awaitReadyAndWatch),
                CompletableFuture.runAsync(query::awaitReadyAndWatch)));
        if (options.webApp()) {
            // in parallel with the services: it needs none of them to start, only its sessions' database
            SupervisedService web = new SupervisedService("curator-web", () -> ServiceProcess.start(
                    "curator-web", webJar, options.webPort(), options.javaOptions(), data.resolve("logs"),
                    webSettings), READY_TIMEOUT, data.resolve("run"), out).start();
            started.push(web);
            this.web = web;
            ready.add(CompletableFuture.runAsync(web::awaitReadyAndWatch));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }

        seeds = SeedImporter.importAll(options.seedsDir(), options.commandPort());
        for (SeedImporter.Result seed : seeds) {
            awaitProjected(seed.slug());
            out.println("  seed " + seed.slug() + ": "
                    + (seed.outcome() == SeedImporter.Outcome.IMPORTED ? "imported" : "already imported"));
        }
    }

    /** Waits until the query service serves the list, so that what is printed next is true. */
    private void awaitProjected(String slug) {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(queryUrl() + "/api/lists/" + slug + "/markdown");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new IllegalStateException("query-service stopped answering", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("list " + slug + " did not appear on the query service within 60 s");
    }

    /** The curator web app: the pages people use, signed in through the issuer. */
    public String webUrl() {
        return "http://127.0.0.1:" + options.webPort();
    }

    public String commandUrl() {
        return "http://127.0.0.1:" + options.commandPort();
    }

    public String queryUrl() {
        return "http://127.0.0.1:" + options.queryPort();
    }

    /** The local OIDC issuer: tokens at {@code /oauth2/token}, discovery at {@code /.well-known/openid-configuration}. */
    public String issuerUrl() {
        return "http://127.0.0.1:" + options.identityPort();
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + options.kafkaPort();
    }

    public List<SeedImporter.Result> seeds() {
        return seeds;
    }

    /** The supervised services, for tests that crash them. */
    SupervisedService commandService() {
        return command;
    }

    SupervisedService queryService() {
        return query;
    }

    SupervisedService identityService() {
        return identity;
    }

    SupervisedService webApp() {
        return web;
    }

    void printWelcome(PrintStream out) {
        String firstSeed = seeds.isEmpty() ? "distributed-systems-notes" : seeds.getFirst().slug();
        out.printf("""

                The curation backend is running. Ctrl-C stops it; data stays in %s.

                %s

                  curator web app  %s
                  command-service  %s   (writes: a bearer token, or HTTP Basic on this local stack)
                  query-service    %s
                  OIDC issuer      %s   (accounts alice, bob: curators; carol: contributor; secret = name)
                  Swagger UI       %s/swagger-ui.html  and  %s/swagger-ui.html
                  Kafka bootstrap  %s   topic curation.list-events
                  PostgreSQL       127.0.0.1:%d  user postgres, databases %s (events), %s (read models), %s (web sessions)

                Sign in as alice (a token lasts an hour; bob and carol likewise):
                  TOKEN=$(curl -s -u alice:alice -d grant_type=client_credentials %s/oauth2/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')

                Try:
                  curl -s %s/api/lists
                  curl -s %s/api/lists/%s/markdown | cmp - seeds/%s.md && echo identical
                  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/markdown' --data-binary @README.md '%s/api/lists?slug=readme'
                  kcat -C -b %s -t curation.list-events -e -f '%%k %%s\\n'
                  psql -h 127.0.0.1 -p %d -U postgres %s -c 'select slug, version from list_view'
                """,
                options.dataDir(),
                options.webApp() ? "Open " + webUrl() + " in a browser: sign in as alice, bob (curators) or carol (contributor),"
                        + " password = name." : "The web app is off (--web off); ./curation start --web on runs it.",
                options.webApp() ? webUrl() + "   (the pages: lists, proposals, review, history, settings)" : "off",
                commandUrl(), queryUrl(), issuerUrl(), commandUrl(), queryUrl(), kafkaBootstrap(),
                options.pgPort(), EVENTS_DB, QUERY_DB, WEB_DB, issuerUrl(),
                queryUrl(), queryUrl(), firstSeed, firstSeed, commandUrl(), kafkaBootstrap(), options.pgPort(), QUERY_DB);
        out.flush();
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("while stopping " + next + ": " + e);
            }
        }
        try {
            Files.deleteIfExists(options.dataDir().resolve("run").resolve("launcher.pid"));
        } catch (IOException e) {
            // checked against the running process before it is used
        }
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create data directory " + path + ": " + e.getMessage(), e);
        }
    }
}
