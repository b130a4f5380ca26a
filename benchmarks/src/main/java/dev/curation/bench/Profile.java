package dev.curation.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./curation bench profile [--seconds N]}: where the write path's CPU goes. Starts the
 * stack, warms it with edits on 64 lists at 32 clients, then samples the command and query
 * services with async-profiler (attached to the running JVMs, CPU time by interval timer, as the
 * machine may not allow perf events) while the same load runs; writes one flame graph per service
 * to {@code docs/benchmarks/} and prints the share of the frames that matter to the write path.
 */
final class Profile {

    /**
     * A part of a service's work: the samples whose stack holds {@code frame} and not {@code unless}
     * (the work a frame wraps but that is counted as another part; empty: none).
     */
    record Part(String name, String frame, String unless) {
    }

    /** The parts the report names: what an edit pays for, hop by hop. */
    static final List<Part> PARTS = List.of(
            new Part("HTTP server and MVC, around our code", "org/apache/catalina/connector/CoyoteAdapter.service", "dev/curation/"),
            new Part("security filters, around the request", "org/springframework/security/web/FilterChainProxy.doFilterInternal",
                    "DispatcherServlet"),
            new Part("our code and what it calls", "dev/curation/", ""),
            new Part("JSON reading and writing (Jackson)", "tools/jackson/", ""),
            new Part("Axon command handling", "org/axonframework/commandhandling/", ""),
            new Part("Axon handler timeouts (stack capture, timers)", "org/axonframework/messaging/timeout/AxonTimeLimitedTask", ""),
            new Part("event sourcing: aggregate loading", "org/axonframework/eventsourcing/EventSourcingRepository", ""),
            new Part("event serialisation", "org/axonframework/serialization/", ""),
            new Part("JDBC (pgjdbc)", "org/postgresql/", ""),
            new Part("Kafka producer", "org/apache/kafka/clients/producer/", ""),
            new Part("Kafka consumer", "org/apache/kafka/clients/consumer/", ""),
            new Part("metrics (Micrometer)", "io/micrometer/", ""),
            new Part("logging", "ch/qos/logback/", ""),
            new Part("garbage collection (Serial, in the VM thread)", "GenCollect", ""),
            new Part("garbage collection (G1: pauses and concurrent marking)", "G1", ""),
            new Part("JIT compilers", "CompileBroker::", ""));

    private Profile() {
    }

    /** What a profile samples, and the prefix of its flame graphs' files. */
    enum Sampling {
        /** CPU time (a 1 ms interval timer): where the processors go. */
        CPU("flame-", "start,event=itimer,interval=1ms"),
        /** Wall-clock time of every thread: where requests and the projection wait. */
        WALL("wall-", "start,wall=2ms"),
        /** Bytes allocated (a sample every 512 KB, weighed by its size): what fills the heap and starts collections. */
        ALLOC("alloc-", "start,event=alloc,alloc=512k");

        final String prefix;
        final String start;

        Sampling(String prefix, String start) {
            this.prefix = prefix;
            this.start = start;
        }
    }

    /**
     * Samples both services under {@code clients} clients for {@code load}; with {@code rate} > 0 the sampled load is paced
     * at that many edits/s (after the warm-up's backlog is projected), and the pipeline's hops over
     * the sampled time are printed: where a paced edit's latency goes, beside where the CPU goes.
     */
    static void run(Path root, Duration load, int clients, double rate, int entries, Sampling sampling) throws Exception {
        Path data = Files.createTempDirectory("curation-profile");
        Path out = root.resolve("docs").resolve("benchmarks");
        Files.createDirectories(out);
        Path agent = extractAgent(data);
        System.err.println("profile: starting the stack in " + data);
        try (Stack stack = new Stack(root, data).start()) {
            Api api = new Api(stack);
            List<String> lists = new ArrayList<>();
            Map<String, String> sections = new LinkedHashMap<>();
            for (int i = 0; i < 64; i++) {
                String slug = "profile-" + i;
                StringBuilder md = new StringBuilder("# Profile " + i + "\n\n## Links\n");
                for (int e = 0; e < entries; e++) {
                    md.append("- [seed ").append(e).append("](https://example.com/seed-").append(i).append('/').append(e).append(")\n");
                }
                api.importList(slug, md.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                lists.add(slug);
            }
            for (String slug : lists) {
                api.awaitVersion(slug, 1, Duration.ofMinutes(3));
                sections.put(slug, api.firstSection(slug));
            }
            // the JIT compilers took a third of the CPU after 40 s of load: sample a service that has been running
            System.err.println("profile: warm-up, 32 clients, 120 s");
            Backlog backlog = new Backlog();
            LoadDriver.run(32, Duration.ofSeconds(120), Bench.addLinks(api, lists, sections, "warm", backlog));
            if (rate > 0) {
                System.err.println("profile: the query service caught up in "
                        + backlog.awaitProjected(api, Duration.ofMinutes(5)).toMillis() + " ms");
            }
            // what the stack burns with no load (pollers, timers, the lint keeper catching up): a floor under every rate's CPU
            int cores = Runtime.getRuntime().availableProcessors();
            CpuUse idleStart = CpuUse.of(stack, null);
            Thread.sleep(10_000);
            CpuUse idle = CpuUse.of(stack, null).since(idleStart);
            System.err.printf("profile: idle for %.0f s: %d cores %.1f %% busy (%s), %.0f context switches/s%n", idle.wallSeconds(),
                    cores, idle.busyPercent(cores), idle.describeBusy(cores), idle.contextSwitches() / idle.wallSeconds());
            Map<String, Long> pids = Map.of("command-service", pid(data, "command-service"),
                    "query-service", pid(data, "query-service"));
            for (long pid : pids.values()) {
                attach(pid, agent, sampling.start);
            }
            System.err.println("profile: sampling both services, " + clients + " clients, " + load.toSeconds() + " s"
                    + (rate > 0 ? ", " + Math.round(rate) + " edits/s offered" : "") + (sampling == Sampling.CPU ? "" : ", " + sampling.name().toLowerCase(Locale.ROOT)));
            HopSplit before = HopSplit.parse(api.prometheus());
            CpuUse cpuStart = CpuUse.of(stack, null);
            LoadDriver.Result result = LoadDriver.run(clients, load, rate, Bench.addLinks(api, lists, sections, "sampled", backlog));
            CpuUse cpu = CpuUse.of(stack, null).since(cpuStart);
            System.err.printf("profile: %.0f edits/s while sampled (%d refused)%n", result.rate(), result.refused());
            System.err.printf("profile: %d cores %.0f %% busy (%s); CPU ms per accepted edit: %s; per edit %.1f context switches, "
                            + "%.2f PostgreSQL transactions%n",
                    cores, cpu.busyPercent(cores), cpu.describeBusy(cores), cpu.describePer(result.accepted()),
                    cpu.contextSwitchesPer(result.accepted()), cpu.transactionsPer(result.accepted()));
            System.err.printf("profile: threads runnable but waiting for a core, ms per accepted edit: %s (%.1f s in all over %.0f s)%n",
                    cpu.describeWaitPer(result.accepted()), cpu.waited(), cpu.wallSeconds());
            String after = api.prometheus();
            HopSplit.parse(after).since(before).rows("sampled").forEach(row ->
                    System.err.printf("profile: %-30s %8.1f ms%n", row.measure(), row.value()));
            // where the projection found the lists it changed (since start): from the database means they did not fit
            after.lines().filter(line -> line.startsWith("curation_projection_list_loads_total"))
                    .forEach(line -> System.err.println("profile: " + line));
            for (Map.Entry<String, Long> service : pids.entrySet()) {
                Path collapsed = data.resolve(service.getKey() + ".collapsed");
                // allocations weighed by their bytes (total), not counted, in the numbers and the graph alike
                String weigh = sampling == Sampling.ALLOC ? ",total" : "";
                attach(service.getValue(), agent, "dump,collapsed" + weigh + ",file=" + collapsed);
                Path flame = out.resolve(sampling.prefix + service.getKey() + ".html");
                attach(service.getValue(), agent, "stop,flamegraph" + weigh + ",title=" + service.getKey() + "_edits_" + clients
                        + "_clients,file=" + flame);
                System.out.println("\n" + service.getKey() + " (" + flame + "):");
                List<String> stacks = Files.readAllLines(collapsed);
                // the kernel's count: the interval timer's samples are not CPU time (with both cores busy it
                // delivered one sample for about four milliseconds of the kernel's count), only shares of it
                String role = service.getKey().replace('-', ' ');
                double cpuMs = 1000 * cpu.seconds().getOrDefault(role, 0.0);
                System.out.printf("  %.1f CPU s while sampled, %.2f CPU ms per accepted edit (the kernel's count); %d samples%n",
                        cpuMs / 1000, cpuMs / Math.max(1, result.accepted()), samples(stacks));
                if (sampling == Sampling.ALLOC) {
                    double bytes = samples(stacks);
                    System.out.printf("  %.0f MB allocated while sampled, %.0f KB per accepted edit%n", bytes / 1e6,
                            bytes / 1e3 / Math.max(1, result.accepted()));
                }
                shares(stacks).forEach((part, share) -> System.out.printf("  %5.1f %%  %s%n", share, part));
            }
        }
    }

    /** All samples of a collapsed-stacks dump. */
    static long samples(List<String> collapsed) {
        long total = 0;
        for (String line : collapsed) {
            int space = line.lastIndexOf(' ');
            if (space >= 0) {
                total += Long.parseLong(line.substring(space + 1).strip());
            }
        }
        return total;
    }

    /** Each part's share of all samples, in percent: a sample counts for a part when its stack holds the part's frame. */
    static Map<String, Double> shares(List<String> collapsed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        PARTS.forEach(part -> counts.put(part.name(), 0L));
        for (String line : collapsed) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).strip());
            String stack = line.substring(0, space);
            for (Part part : PARTS) {
                if (stack.contains(part.frame()) && (part.unless().isEmpty() || !stack.contains(part.unless()))) {
                    counts.merge(part.name(), samples, Long::sum);
                }
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        long all = Math.max(1, samples(collapsed));
        counts.forEach((part, n) -> shares.put(part, 100.0 * n / all));
        return shares;
    }

    private static long pid(Path data, String service) throws IOException {
        return Long.parseLong(Files.readString(data.resolve("run").resolve(service + ".pid")).strip());
    }

    /** Loads (or commands) async-profiler in a running JVM, as its own {@code asprof} does, through jcmd. */
    private static void attach(long pid, Path agent, String arguments) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        // quoted: jcmd would read "a=b" as a named option of its own
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "JVMTI.agent_load", agent.toString(),
                "\"" + arguments + "\"")
                .redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || said.toLowerCase(Locale.ROOT).contains("error")) {
            throw new IllegalStateException("async-profiler " + arguments + " in " + pid + ": " + said);
        }
    }

    /** async-profiler's native library for this machine, from its jar on the class path. */
    private static Path extractAgent(Path dir) throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "linux-arm64" : "linux-x64";
        try (InputStream in = Profile.class.getClassLoader().getResourceAsStream(arch + "/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("async-profiler's " + arch + " library is not on the class path");
            }
            Path lib = dir.resolve("libasyncProfiler.so");
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            return lib;
        }
    }
}
