package dev.curation.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.Main;
import tools.jackson.databind.JsonNode;

/** {@code ./curation bench [--quick] [--json] [--no-docs]}: every scenario, with its baseline, in one run ({@link BenchOptions}). */
public final class Bench {

    private final Settings settings;
    private final List<Measure> measures = new ArrayList<>();
    private final Map<Integer, double[]> throughput = new LinkedHashMap<>();
    private final List<Double> latencies = new ArrayList<>();
    /** What the direct edits left for the query service to project: drained before each latency phase. */
    private final Backlog backlog = new Backlog();

    /**
     * Both runs warm the services (and the CRUD peer, the same way) before the first measured phase,
     * the one-client phase: a quick run with 5 s of warm-up measured a third of the full run's
     * edits/s, and after the full run's former 20 s a lone edit took 10 ms where a wall-clock profile
     * after two minutes of load measured 3.5 ms (benchmarks/ANALYSIS.md). The quick run measures
     * shorter phases at fewer concurrencies.
     */
    record Settings(boolean quick, Duration warmUp, Duration load, List<Integer> concurrency, int historyChangeSets,
                    int kafkaRecords) {
        static Settings of(boolean quick) {
            return quick
                    ? new Settings(true, Duration.ofSeconds(40), Duration.ofSeconds(5), List.of(1, 32), 100, 100_000)
                    : new Settings(false, Duration.ofSeconds(90), Duration.ofSeconds(20), List.of(1, 4, 8, 16, 32, 64), 1000,
                    400_000);
        }
    }

    private Bench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            if (e.isHelp()) {
                System.out.print(BenchOptions.USAGE);
                return;
            }
            System.err.println("curation bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.jmhArgs() != null) {
            Main.main(options.jmhArgs());
            return;
        }
        if (options.links()) {
            // the in-process lint and link-check rows alone, printed (no stack, no docs)
            List<Measure> rows = new ArrayList<>(LinkBench.lint(20));
            rows.addAll(LinkBench.linkChecks(40));
            Report.print(rows, options.json());
            return;
        }
        Path root = Path.of(System.getProperty("curation.root", ".")).toAbsolutePath().normalize();
        if (options.profileSeconds() > 0) {
            Profile.run(root, Duration.ofSeconds(options.profileSeconds()), options.profileClients(), options.profileRate(), options.profileEntries(),
                    options.profileSampling());
            return;
        }
        Bench bench = new Bench(Settings.of(options.quick()));
        bench.run(root, options.json());
        if (!options.noDocs()) {
            Report.writeDocs(root, bench.settings, bench.measures, bench.throughput, bench.latencies);
        }
    }

    private void run(Path root, boolean json) throws Exception {
        Path data = Files.createTempDirectory("curation-bench");
        long runStart = System.nanoTime();
        progress("starting the stack (./curation start) in " + data);
        Stack started = new Stack(root, data).start();
        if (started.recordedCaches()) {
            // the first start after a build records the services' start-up caches; starts after it are measured
            double first = started.startupSeconds();
            started.close();
            add(new Measure("curation start, first after a build", first, "s", Double.NaN, null, 0, true, false,
                    "includes recording the services' AOT caches (training runs); informational"));
            data = Files.createTempDirectory("curation-bench");
            progress("starting the stack again, with the caches, in " + data);
            started = new Stack(root, data).start();
        }
        try (Stack stack = started) {
            Api api = new Api(stack);
            add(new Measure("curation start to healthy", stack.startupSeconds(), "s", Double.NaN, null, 25, false, false,
                    "embedded PostgreSQL + Kafka, both services (AOT cache), seeds imported"));
            add(new Measure("stack RSS, idle after start", stack.rssMiB(), "MiB", Double.NaN, null, 1536, false, false,
                    "launcher (Kafka in-process) + 2 service JVMs + PostgreSQL processes"));
            add(new Measure("stack memory (PSS), idle after start", stack.pssMiB(), "MiB", Double.NaN, null, 1536, false,
                    false, "same processes, shared pages counted once (summed RSS counts PostgreSQL's shared buffers per backend)"));

            List<String> lists = new ArrayList<>();
            Map<String, String> sections = new LinkedHashMap<>();
            progress("creating 64 lists");
            for (int i = 0; i < 64; i++) {
                String slug = "bench-m-" + i;
                api.importList(slug, ("# Bench " + i + "\n\n## Links\n- [seed](https://example.com/seed-" + i + ")\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                lists.add(slug);
            }
            api.importList("bench-hot", "# Hot\n\n- [seed](https://example.com/hot)\n".getBytes(StandardCharsets.UTF_8));
            api.awaitVersion("bench-hot", 1, Duration.ofSeconds(30));
            for (String slug : lists) {
                api.awaitVersion(slug, 1, Duration.ofSeconds(30));
                sections.put(slug, api.structure(slug).get("sections").get(0).get("sections").get(0).get("id").asString());
            }
            String hotSection = api.firstSection("bench-hot");

            // the services' JIT compilers need a while under load before the code is compiled; what
            // follows measures the warmed-up stack, as a service that has been running would be
            progress("warm-up: direct edits on many lists, 32 clients, " + settings.warmUp().getSeconds() + " s (not counted)");
            LoadDriver.run(32, settings.warmUp(), addLinks(api, lists, sections, "warm"));

            double baseline32 = 0;
            double many32 = 0;
            List<Measure> peerRows = new ArrayList<>();
            progress("starting the CRUD peer (its own JVM, the services' heap and GC flags)");
            try (Peer peer = Peer.start(stack)) {
                // the same warm-up as the services got, the same requests
                progress("warm-up of the CRUD peer: the same edits, 32 clients, " + settings.warmUp().getSeconds() + " s (not counted)");
                LoadDriver.run(32, settings.warmUp(), peerLinks(api, peer, lists, sections, "warm"));
                for (int clients : settings.concurrency()) {
                    progress("PostgreSQL insert-commit baseline, " + clients + " clients");
                    double pg = Baselines.postgresInsertCommit(stack, clients, settings.load());
                    // the query service's backlog of the edits before would share the cores with the peer
                    backlog.awaitProjected(api, Duration.ofMinutes(5));
                    progress("CRUD peer over HTTP, " + clients + " clients");
                    CpuUse peerStart = CpuUse.of(stack, peer);
                    LoadDriver.Result crud = LoadDriver.run(clients, settings.load(), peerLinks(api, peer, lists, sections, "c" + clients));
                    CpuUse peerUse = CpuUse.of(stack, peer).since(peerStart);
                    reportRefusals();
                    progress("direct edits over HTTP on many lists, " + clients + " clients");
                    CpuUse editStart = CpuUse.of(stack, peer);
                    LoadDriver.Result edits = LoadDriver.run(clients, settings.load(), addLinks(api, lists, sections, "m/c" + clients));
                    CpuUse editPhase = CpuUse.of(stack, peer).since(editStart);
                    // an edit's CPU includes its projection: counted until the query service shows every edit
                    Duration drained = backlog.awaitProjected(api, Duration.ofMinutes(5));
                    CpuUse editUse = CpuUse.of(stack, peer).since(editStart);
                    throughput.put(clients, new double[] {edits.rate(), pg, crud.rate()});
                    System.err.printf("  %d clients: %.1f edits/s accepted (%d refused), CRUD peer %.1f requests/s (%d refused), "
                            + "PostgreSQL %.0f rows/s%n", clients, edits.rate(), edits.refused(), crud.rate(), crud.refused(), pg);
                    reportRefusals();
                    if (clients == 32) {
                        baseline32 = pg;
                        many32 = edits.rate();
                    }
                    if (clients == 1 || clients == 32) {
                        peerRows.add(new Measure("CRUD peer requests/s, " + clients + (clients == 1 ? " client" : " clients"),
                                crud.rate(), "requests/s", Double.NaN, null, 0, true, false, "the same addLink change sets, "
                                + "client and Basic auth; Spring MVC + JdbcTemplate, one transaction: list version + 1, one INSERT"));
                        peerRows.add(new Measure("accepted edits/s ÷ CRUD peer, " + clients + (clients == 1 ? " client" : " clients"),
                                edits.rate(), "edits/s", crud.rate(), "CRUD peer requests/s", 0.5, true, true,
                                "64 lists, the same load; the peer measured right before the edits"));
                    }
                    if (clients == 32) {
                        cpuRows(peerUse, crud, editPhase, editUse, edits, drained).forEach(peerRows::add);
                    }
                }
            }
            add(new Measure("PostgreSQL INSERT+COMMIT, 32 clients", baseline32, "rows/s", Double.NaN, null, 0, true, false,
                    "single-row insert, autocommit, synchronous_commit=on, same embedded server"));
            add(new Measure("accepted edits/s, many lists, 32 clients", many32, "edits/s", baseline32,
                    "PostgreSQL INSERT+COMMIT", 0.5, true, true, "64 lists, addLink over HTTP with Basic auth"));
            peerRows.forEach(this::add);

            progress("direct edits on one hot list, 32 clients");
            LoadDriver.Result hot = LoadDriver.run(32, settings.load(), (client, n) ->
                    backlog.accepted("bench-hot",
                            api.edit("bench-hot", Api.addLink(hotSection, "Hot " + n, "https://example.com/hot/" + n))) > 0);
            add(new Measure("accepted edits/s, one hot list, 32 clients", hot.rate(), "edits/s", many32,
                    "edits/s, many lists", 0.25, true, true, "all clients edit the same list"));

            readYourWrite(stack, api, lists, sections, 490, "at 500 edits/s offered");
            // capacity again, on the lists as the phases before left them (thousands of links each, where the
            // first measure had a handful): half of the first one saturated both cores here (vmstat 0-1 % idle)
            progress("capacity on the lists as they are now, 32 clients");
            LoadDriver.Result now = LoadDriver.run(32, settings.load(), addLinks(api, lists, sections, "cap"));
            add(new Measure("accepted edits/s, many lists, 32 clients, before the half-capacity phase", now.rate(), "edits/s",
                    Double.NaN, null, 0, true, false, "the same 64 lists after the phases above added thousands of links to each; "
                    + "the half-capacity phase offers half of this"));
            // the services' per-hop timers over the half-capacity phase name the hop its latency went to
            HopSplit hopsBefore = HopSplit.parse(api.prometheus());
            readYourWrite(stack, api, lists, sections, Math.max(1, now.rate() / 2), "at half the measured capacity");
            HopSplit.parse(api.prometheus()).since(hopsBefore).rows("at half the measured capacity").forEach(this::add);
            // at half, both cores were about 95 % busy (the CPU an edit costs grows as batches shrink): the same
            // latencies where the cores have room, at a quarter
            readYourWrite(stack, api, lists, sections, Math.max(1, now.rate() / 4), "at a quarter of the measured capacity");
            add(new Measure("stack RSS, after load", stack.rssMiB(), "MiB", Double.NaN, null, 1536, false, false,
                    "same processes"));
            add(new Measure("stack memory (PSS), after load", stack.pssMiB(), "MiB", Double.NaN, null, 1536, false, false,
                    "same processes, shared pages counted once"));

            progress("Kafka producer and consumer baseline");
            Baselines.KafkaRates kafka = Baselines.kafka(stack, settings.kafkaRecords(), 300);
            add(new Measure("Kafka producer, acks=all, idempotent", kafka.produced(), "records/s", Double.NaN, null, 0,
                    true, false, settings.kafkaRecords() + " records of 300 B, 6 partitions, linger 5 ms, lz4"));
            add(new Measure("Kafka consumer", kafka.consumed(), "records/s", Double.NaN, null, 0, true, false,
                    "same topic, one consumer"));

            exportLargeList(api);
            history(api);
            importLarge(api, root);
            gitHistory(api, root);
            rebuild(stack, api, kafka.consumed());
            backupAndRestore(stack, root);
        }
        progress("lint of a 10k-entry list, in process");
        LinkBench.lint(settings.quick() ? 20 : 50).forEach(this::add);
        progress("link checks against 50 local hosts, in process");
        LinkBench.linkChecks(settings.quick() ? 40 : 200).forEach(this::add);
        progress(String.format("done in %.0f s", (System.nanoTime() - runStart) / 1e9));
        Report.print(measures, json);
    }

    /**
     * Where the CPU of a peer request and of an accepted edit goes, every process counted: on two
     * shared cores, {@code cores / CPU per operation} bounds each one's rate, so the ratio of the two
     * is the throughput ratio the CPU allows whatever else is cut.
     */
    private static List<Measure> cpuRows(CpuUse peerUse, LoadDriver.Result crud, CpuUse editPhase, CpuUse editUse,
                                         LoadDriver.Result edits, Duration drained) {
        int cores = Runtime.getRuntime().availableProcessors();
        double peerMs = peerUse.totalMillisPer(crud.accepted());
        double editMs = editUse.totalMillisPer(edits.accepted());
        return List.of(
                new Measure("CPU per CRUD peer request, 32 clients, every process", peerMs, "ms", Double.NaN, null, 0, true,
                        false, String.format("%s ms; %d cores %.0f %% busy (%s); per request %.1f context switches, %.2f PostgreSQL "
                                + "transactions; at most %.0f requests/s on %d cores at this cost", peerUse.describePer(crud.accepted()),
                        cores, peerUse.busyPercent(cores), peerUse.describeBusy(cores), peerUse.contextSwitchesPer(crud.accepted()),
                        peerUse.transactionsPer(crud.accepted()),
                        cores * 1000 / peerMs, cores)),
                new Measure("CPU per accepted edit, 32 clients, every process, until projected", editMs, "ms", peerMs,
                        "CPU per CRUD peer request", 0, true, false, String.format("%s ms; %d cores %.0f %% busy during the "
                                + "edits (%s), the query service caught up %.1f s after them; per edit %.1f context switches, %.2f "
                                + "PostgreSQL transactions; at most %.0f edits/s on %d cores at this cost",
                        editUse.describePer(edits.accepted()), cores, editPhase.busyPercent(cores), editPhase.describeBusy(cores),
                        drained.toMillis() / 1000.0, editUse.contextSwitchesPer(edits.accepted()),
                        editUse.transactionsPer(edits.accepted()), cores * 1000 / editMs, cores)));
    }

    /** Edit number n adds a link to list n modulo the lists, with a URL under {@code prefix}; true if accepted. */
    private LoadDriver.Operation addLinks(Api api, List<String> lists, Map<String, String> sections, String prefix) {
        return addLinks(api, lists, sections, prefix, backlog);
    }

    /** As above, each accepted version noted in {@code backlog} (the profile's load too). */
    static LoadDriver.Operation addLinks(Api api, List<String> lists, Map<String, String> sections, String prefix,
                                         Backlog backlog) {
        return (client, n) -> {
            String slug = lists.get((int) (n % lists.size()));
            return backlog.accepted(slug, api.edit(slug, Api.addLink(sections.get(slug), "Link " + n,
                    "https://example.com/" + prefix + "/" + n))) > 0;
        };
    }

    /** The same edits as {@link #addLinks}, sent to the CRUD peer. */
    private static LoadDriver.Operation peerLinks(Api api, Peer peer, List<String> lists, Map<String, String> sections,
                                                  String prefix) {
        return (client, n) -> {
            String slug = lists.get((int) (n % lists.size()));
            return api.edit(peer.url(), slug, Api.addLink(sections.get(slug), "Link " + n,
                    "https://example.com/peer/" + prefix + "/" + n), 201) > 0;
        };
    }

    private static void reportRefusals() {
        LoadDriver.REFUSALS.forEach((why, count) -> System.err.println("    refused " + count + "x: " + why));
        LoadDriver.REFUSALS.clear();
    }

    /** Edit accepted → visible on the query service, while other clients keep the stack at about 500 edits/s. */
    private void readYourWrite(Stack stack, Api api, List<String> lists, Map<String, String> sections, double rate, String label)
            throws Exception {
        progress("read-your-write latency " + label + " (" + Math.round(rate) + " edits/s in the background)");
        // the steady state at this rate, not the backlog of the phases before (on every partition)
        Duration drained = backlog.awaitProjected(api, Duration.ofMinutes(5));
        progress("  the query service caught up in " + drained.toMillis() + " ms");
        String slug = "bench-ryw-" + Math.round(rate);
        api.importList(slug, "# RYW\n\n- [seed](https://example.com/ryw)\n".getBytes(StandardCharsets.UTF_8));
        // the new list becomes visible only after any backlog of earlier phases is projected
        api.awaitVersion(slug, 1, Duration.ofSeconds(180));
        String section = api.firstSection(slug);
        List<Double> samples = new ArrayList<>();
        List<Double> tokenReads = new ArrayList<>();
        int tokenMisses = 0;
        CpuUse cpuStart = CpuUse.of(stack, null);
        Thread background = Thread.ofPlatform().start(() -> {
            try {
                LoadDriver.run(32, settings.load().plusSeconds(2), rate, addLinks(api, lists, sections, "bg/" + slug));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(1000);
        long end = System.nanoTime() + settings.load().toNanos();
        int n = 0;
        while (System.nanoTime() < end) {
            boolean token = n % 2 == 1;
            long version = api.edit(slug, Api.addLink(section, "Ryw " + n, "https://example.com/ryw/" + n++));
            long accepted = System.nanoTime();
            if (token) {
                // one read with the consistency token: answered once the version is visible
                if (version > 0) {
                    boolean answered = api.versionAtLeast(slug, version) >= version;
                    tokenReads.add((System.nanoTime() - accepted) / 1e6);
                    tokenMisses += answered ? 0 : 1;
                }
            } else {
                while (version > 0 && api.version(slug) < version) {
                    // a millisecond between looks: back-to-back GETs were a load of their own on the cores the
                    // pipeline needs, for a millisecond of resolution
                    Thread.sleep(1);
                }
                samples.add((System.nanoTime() - accepted) / 1e6);
            }
            Thread.sleep(20);
        }
        background.join();
        CpuUse cpu = CpuUse.of(stack, null).since(cpuStart);
        Collections.sort(samples);
        Collections.sort(tokenReads);
        if (latencies.isEmpty()) {
            latencies.addAll(samples);
        }
        add(new Measure("edit accepted → visible, p50, " + label, LoadDriver.percentile(samples, 50), "ms", Double.NaN, null,
                20, false, false, samples.size() + " samples, background " + Math.round(rate) + " edits/s offered on 64 lists"));
        add(new Measure("edit accepted → visible, p99, " + label, LoadDriver.percentile(samples, 99), "ms", Double.NaN, null,
                100, false, false, "same samples"));
        add(new Measure("read with minVersion after write, p99, " + label, LoadDriver.percentile(tokenReads, 99), "ms",
                Double.NaN, null, 150, false, false, tokenReads.size() + " samples (every other edit): one GET of the "
                + "structure with ?minVersion= the version the edit answered; " + tokenMisses + " not answered within the wait (503)"));
        int cores = Runtime.getRuntime().availableProcessors();
        add(new Measure("cores busy, " + label, cpu.busyPercent(cores), "%", Double.NaN, null, 0, true, false,
                String.format("CPU of every process over the phase ÷ (%d cores × %.0f s): %s; %.0f context switches/s; "
                                + "threads runnable but waiting for a core %.2f s per s (%s, ms per s)", cores,
                        cpu.wallSeconds(), cpu.describeBusy(cores), cpu.contextSwitches() / Math.max(1, cpu.wallSeconds()),
                        cpu.waited() / Math.max(1, cpu.wallSeconds()), cpu.describeWaitPerSecond())));
    }

    private void exportLargeList(Api api) throws Exception {
        progress("Markdown export of a 10k-entry list");
        // the same list the in-process lint row reads
        String md = LinkBench.tenThousandEntries();
        api.importList("bench-10k", md.getBytes(StandardCharsets.UTF_8));
        api.awaitVersion("bench-10k", 1, Duration.ofSeconds(60));
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = api.get("/api/lists/bench-10k/markdown");
            if (response.statusCode() != 200 || response.body().length != md.length() + countMultibyte(md)) {
                throw new IllegalStateException("unexpected export of bench-10k");
            }
            if (i >= 20) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(times);
        add(new Measure("Markdown export, 10k entries, warm, p50", LoadDriver.percentile(times, 50), "ms", Double.NaN,
                null, 20, false, false, (md.length() / 1024) + " KiB over HTTP, 50 requests after 20 warm-up"));
        listPage(api);
        readThroughput(api);
    }

    /**
     * The web app's list page of the 10k-entry list (structure, lint, link health and blame read
     * from the query service, then one HTML page), against the query service's structure read that
     * it starts from, both warm, one client, alternately so that both see the same machine.
     */
    private void listPage(Api api) throws Exception {
        progress("the web app's page of a 10k-entry list, against the API's structure read");
        String page = api.webUrl() + "/lists/bench-10k";
        List<Double> pageTimes = new ArrayList<>();
        List<Double> apiTimes = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> html = api.getUrl(page);
            double pageMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            HttpResponse<byte[]> structure = api.get("/api/lists/bench-10k");
            double apiMs = (System.nanoTime() - start) / 1e6;
            if (html.statusCode() != 200 || structure.statusCode() != 200) {
                throw new IllegalStateException("the list page answered " + html.statusCode() + ", the structure " + structure.statusCode());
            }
            if (i >= 20) {
                pageTimes.add(pageMs);
                apiTimes.add(apiMs);
            }
        }
        Collections.sort(pageTimes);
        Collections.sort(apiTimes);
        double apiP50 = LoadDriver.percentile(apiTimes, 50);
        add(new Measure("structure JSON, 10k entries, warm, p50", apiP50, "ms", Double.NaN, null, 50, false, false,
                "GET /api/lists/bench-10k, 50 requests after 20 warm-up, alternating with the page below"));
        add(new Measure("web app list page, 10k entries, warm, p50", LoadDriver.percentile(pageTimes, 50), "ms", apiP50,
                "structure JSON read", 200, false, false, "GET /lists/bench-10k on curator-web (structure, lint, "
                + "link health, blame from the query service, one HTML page), signed out"));
    }

    /**
     * Reads of the 10k-entry list at 32 clients (Markdown and structure JSON alternately, every
     * request a full 200), against a JDK HTTP server serving the same bytes from memory on the same
     * machine; then the same reads sent with the current ETag, answered 304, on their own.
     */
    private void readThroughput(Api api) throws Exception {
        progress("reads of a 10k-entry list, 32 clients, and an in-memory HTTP server with the same bytes");
        byte[] markdown = api.get("/api/lists/bench-10k/markdown").body();
        byte[] structure = api.get("/api/lists/bench-10k").body();
        String etag = api.get("/api/lists/bench-10k/markdown").headers().firstValue("ETag").orElseThrow();
        Duration load = settings.load();
        // warm-up, not counted
        LoadDriver.run(32, Duration.ofSeconds(3), (client, n) -> api.get(n % 2 == 0
                ? "/api/lists/bench-10k/markdown" : "/api/lists/bench-10k").statusCode() == 200);
        LoadDriver.Result reads = LoadDriver.run(32, load, (client, n) -> {
            HttpResponse<byte[]> r = api.get(n % 2 == 0 ? "/api/lists/bench-10k/markdown" : "/api/lists/bench-10k");
            return r.statusCode() == 200 && r.body().length == (n % 2 == 0 ? markdown.length : structure.length);
        });
        LoadDriver.Result notModified = LoadDriver.run(32, load, (client, n) ->
                api.get("/api/lists/bench-10k/markdown", "If-None-Match", etag).statusCode() == 304);
        double baseline = Baselines.inMemoryHttp(api, markdown, structure, 32, load);
        add(new Measure("in-memory HTTP server, same bytes, 32 clients", baseline, "requests/s", Double.NaN, null, 0, true,
                false, "JDK HttpServer, " + (markdown.length / 1024) + " KiB Markdown and " + (structure.length / 1024)
                + " KiB JSON alternately, same client"));
        add(new Measure("reads/s of a 10k-entry list, 32 clients", reads.rate(), "requests/s", baseline,
                "in-memory HTTP server", 0.5, true, true, "Markdown and structure JSON alternately, full 200s; "
                + reads.refused() + " failed"));
        add(new Measure("conditional reads/s (304), 32 clients", notModified.rate(), "requests/s", Double.NaN, null, 0,
                true, false, "GET of the Markdown with its current ETag in If-None-Match"));
    }

    private static int countMultibyte(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length - text.length();
    }

    /** A list with many events: change sets of 100 edits; then the text at a middle version. */
    private void history(Api api) throws Exception {
        int changeSets = settings.historyChangeSets();
        progress("Markdown at a past version of a list with " + (changeSets * 101) + " events");
        StringBuilder md = new StringBuilder("# History\n\n");
        for (int e = 0; e < 100; e++) {
            md.append("- [Entry ").append(e).append("](https://example.com/h/").append(e).append(")\n");
        }
        api.importList("bench-history", md.toString().getBytes(StandardCharsets.UTF_8));
        api.awaitVersion("bench-history", 1, Duration.ofSeconds(30));
        List<String> entries = new ArrayList<>();
        api.structure("bench-history").get("sections").get(0).get("entries").forEach(e -> entries.add(e.get("id").asString()));
        long version = 1;
        for (int c = 0; c < changeSets; c++) {
            StringBuilder set = new StringBuilder("{\"edits\":[");
            for (int e = 0; e < entries.size(); e++) {
                set.append(e == 0 ? "" : ",").append("{\"op\":\"editLink\",\"entry\":\"").append(entries.get(e))
                        .append("\",\"title\":\"Entry ").append(e).append(" v").append(c).append("\"}");
            }
            version = api.edit("bench-history", set.append("]}").toString());
        }
        api.awaitVersion("bench-history", version, Duration.ofSeconds(120));
        long middle = version / 2 + 7;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = api.get("/api/lists/bench-history/markdown?version=" + (middle + i % 5));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("markdown?version failed: " + response.statusCode());
            }
            if (i >= 5) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(times);
        add(new Measure("Markdown at version N, " + (changeSets * 101 / 1000) + "k events, p50", LoadDriver.percentile(times, 50),
                "ms", Double.NaN, null, 100, false, false, "snapshot every 50 versions plus the events after"));
    }

    /** Import of about 1 MB of real lists: the time of POST /api/lists (parse and events stored). */
    private void importLarge(Api api, Path root) throws Exception {
        Path dir = root.resolve("curation-core/src/test/resources/real-world");
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> lists = files.filter(f -> f.toString().endsWith(".md") && !f.endsWith("NOTICE.md")).sorted().toList();
            for (int i = 0; text.toString().getBytes(StandardCharsets.UTF_8).length < 1_000_000; i++) {
                text.append(Files.readString(lists.get(i % lists.size())));
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        progress("import of " + bytes.length / 1024 + " KiB of real lists");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = api.importList("bench-import-" + i, bytes);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("import failed: " + response.body());
            }
            if (i >= 2) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(times);
        add(new Measure("import of " + bytes.length / 1024 + " KiB real-world list, p50", LoadDriver.percentile(times, 50), "ms",
                Double.NaN, null, 500, false, false, "awesome-go, awesome-python(-cn), awesome; 4 imports after 2 warm-up"));
    }

    /**
     * A real list's history imported from git (issue 28): {@code 1,000} commits growing a real list,
     * timed from the request until the query service serves the last version, in commits per second,
     * against {@code git log -p} of the same history on the same machine.
     */
    private void gitHistory(Api api, Path root) throws Exception {
        int commits = 1000;
        Path dir = Files.createTempDirectory("curation-bench-git");
        progress("a git history of " + commits + " commits, imported, against git log -p");
        Path bare = GitHistoryBench.repository(root, dir, commits);
        double gitLog = GitHistoryBench.gitLogSeconds(bare);
        long start = System.nanoTime();
        HttpResponse<String> started = api.importFromGit("bench-git", bare.toUri().toString(), "README.md");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the git import answered " + started.statusCode() + ": " + started.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!"complete".equals(api.commandGet("/api/lists/bench-git/git/import").path("state").asString(""))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the git import did not finish within 10 minutes");
            }
            Thread.sleep(50);
        }
        long imported = api.commandGet("/api/lists/bench-git/git/import").path("version").asLong();
        if (imported != commits) {
            throw new IllegalStateException("the git import made " + imported + " versions of " + commits + " commits");
        }
        api.awaitVersion("bench-git", commits, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        add(new Measure("history import from git, " + commits + " commits, commits/s", commits / seconds, "commits/s",
                commits / gitLog, "git log -p, same history", 0, true, false, "a real list (sindresorhus/awesome, "
                + "80 KB) grown line by line, then reworded line by line, by 5 authors, every commit a change of the file; from POST to the query service serving version " + commits
                + " (clone, walk, one command, event and projection per commit); git log -p took "
                + String.format("%.2f", gitLog) + " s"));
    }

    /**
     * Issue 29: {@code ./curation backup} of the run's event store while the stack serves, and
     * {@code ./curation restore} of it into a new data directory (checksums, recovery, first-start
     * preparation), against {@code pg_dump} of the same database on the same machine.
     */
    private void backupAndRestore(Stack stack, Path root) throws Exception {
        progress("backup and restore of the event store, against pg_dump");
        Path dir = Files.createTempDirectory("curation-bench-backup");
        long events;
        try (Connection c = DriverManager.getConnection(stack.jdbc("curation_events"), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            events = rs.getLong(1);
        }
        double pgDump = Double.NaN;
        try {
            pgDump = timed(root, "pg_dump", "-h", "127.0.0.1", "-p", Integer.toString(stack.pgPort), "-U", "postgres", "-Fc",
                    "-f", dir.resolve("events.dump").toString(), "curation_events");
        } catch (IOException e) {
            System.err.println("  pg_dump is not installed: no baseline");
        }
        double backup = timed(root, "./curation", "backup", "--to", dir.resolve("backup").toString(), "--data-dir",
                stack.dataDir.toString());
        double restore = timed(root, "./curation", "restore", "--from", dir.resolve("backup").toString(), "--data-dir",
                dir.resolve("restored").toString());
        String size = String.format("%.0f MB", sizeOf(dir.resolve("backup")) / 1e6);
        add(new Measure("backup of the event store, online, " + events + " events", backup, "s", pgDump,
                "pg_dump -Fc of the same database", 5, false, true, "./curation backup while the stack serves: base "
                + "backup of its PostgreSQL (" + size + "), WAL, key, checksummed manifest"));
        add(new Measure("restore of that backup into a new data directory", restore, "s", pgDump,
                "pg_dump -Fc of the same database", 5, false, true, "./curation restore: every checksum, copy, "
                + "PostgreSQL recovery, first-start preparation"));
    }

    private static double timed(Path root, String... command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /**
     * The rebuild operators run ({@code ./curation rebuild}): the live query service projects the
     * whole topic into fresh tables while serving, then swaps them in. Timed from the request to
     * the swap, indexes and checks included.
     */
    private void rebuild(Stack stack, Api api, double consumerRate) throws Exception {
        progress("rebuild of all read models from Kafka, in place (./curation rebuild)");
        long events;
        try (Connection c = DriverManager.getConnection(stack.jdbc("curation_query"), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM list_event")) {
            rs.next();
            events = rs.getLong(1);
        }
        Map<String, Double> cpuBefore = stack.cpuSeconds();
        long start = System.nanoTime();
        HttpResponse<String> started = api.operation("POST", "/api/operations/rebuild");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.body());
        }
        JsonNode status = Api.JSON.readTree(started.body());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (status.get("state").asString().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = Api.JSON.readTree(api.operation("GET", "/api/operations/rebuild").body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!status.get("state").asString().equals("swapped")) {
            throw new IllegalStateException("rebuild did not finish: " + status);
        }
        double rate = events / seconds;
        StringBuilder cpu = new StringBuilder();
        stack.cpuSeconds().forEach((role, used) -> cpu.append(String.format(", %s %.1f s", role,
                used - cpuBefore.getOrDefault(role, 0.0))));
        System.err.printf("  %d events (%d records) in %.1f s, catch-up %.1f s (%d batches on %d workers, reading %.1f s, "
                        + "applying %.1f s, summed over the workers), indexes and keys %.1f s, swap %.1f s; CPU%s%n", events,
                status.get("records").asLong(), seconds, status.path("catchUpSeconds").asDouble(),
                status.path("batches").asLong(), status.path("workers").asInt(1), status.path("readingSeconds").asDouble(),
                status.path("applyingSeconds").asDouble(), status.path("indexSeconds").asDouble(),
                status.path("swapSeconds").asDouble(), cpu);
        add(new Measure("rebuild all read models from Kafka", rate, "events/s", consumerRate, "Kafka consumer", 0.3,
                true, true, events + " events into fresh tables beside the live ones, indexes and swap included; "
                + "also target >= 50k events/s"));
        add(new Measure("rebuild rate, absolute", rate, "events/s", Double.NaN, null, 50_000, true, false,
                "same run"));
    }

    private void add(Measure measure) {
        measures.add(measure);
        System.err.println("  " + Report.line(measure));
    }

    private static void progress(String message) {
        System.err.println("bench: " + message);
    }
}
