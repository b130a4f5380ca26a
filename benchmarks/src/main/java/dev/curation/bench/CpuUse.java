package dev.curation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU seconds used by the processes of a run, by role (services, PostgreSQL, the broker, the CRUD
 * peer, the load driver), at one moment; two of them give a phase's use. On a machine whose cores
 * every process shares, CPU per operation is what bounds its rate: {@code cores / CPU per operation}.
 *
 * @param seconds          CPU seconds by role since each process started
 * @param waitSeconds      seconds the processes' threads waited for a core so far, by role (run queues)
 * @param wallSeconds      when it was taken (a monotonic clock, in seconds): a phase's length
 * @param contextSwitches  the machine's context switches since it booted ({@code /proc/stat}; 0 if unknown): a thread
 *                         handing work to another costs one or two, each several microseconds of CPU on a virtual machine
 * @param transactions     transactions PostgreSQL committed so far, read-only ones too ({@code pg_stat_database}, which
 *                         may lag half a second; 0 if unknown): each a round trip or more, and a WAL flush if it wrote
 */
record CpuUse(Map<String, Double> seconds, Map<String, Double> waitSeconds, double wallSeconds, long contextSwitches,
              long transactions) {

    /** The role of the bench's own JVM, which runs the load driver's clients. */
    static final String DRIVER = "load driver";

    CpuUse {
        seconds = Map.copyOf(seconds);
        waitSeconds = Map.copyOf(waitSeconds);
    }

    /** Now, for the stack's processes, the bench's own JVM and {@code peer}'s (null: not running). */
    static CpuUse of(Stack stack, Peer peer) {
        Map<String, Double> seconds = new TreeMap<>(stack.cpuSeconds());
        Map<String, Double> waits = new TreeMap<>(stack.runQueueSeconds());
        ProcessHandle.current().info().totalCpuDuration().ifPresent(d -> seconds.put(DRIVER, d.toNanos() / 1e9));
        waits.put(DRIVER, Stack.runQueueNanos(ProcessHandle.current().pid()) / 1e9);
        if (peer != null) {
            peer.handle().info().totalCpuDuration().ifPresent(d -> seconds.put(Peer.ROLE, d.toNanos() / 1e9));
            waits.put(Peer.ROLE, Stack.runQueueNanos(peer.handle().pid()) / 1e9);
        }
        return new CpuUse(seconds, waits, System.nanoTime() / 1e9, machineContextSwitches(), transactions(stack));
    }

    /** Transactions the stack's PostgreSQL committed so far, in every database; 0 if it cannot be asked. */
    static long transactions(Stack stack) {
        try (Connection c = DriverManager.getConnection(stack.jdbc("postgres"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(xact_commit) FROM pg_stat_database")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The machine's context switches so far, from the {@code ctxt} line of {@code /proc/stat}; 0 where there is none. */
    static long machineContextSwitches() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("ctxt ")) {
                    return Long.parseLong(line.substring(5).strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or /proc not there
        }
        return 0;
    }

    /** What was used between {@code before} and this (roles that ended or started count what they used in it). */
    CpuUse since(CpuUse before) {
        Map<String, Double> used = new TreeMap<>();
        seconds.forEach((role, s) -> used.put(role, Math.max(0, s - before.seconds.getOrDefault(role, 0.0))));
        Map<String, Double> waited = new TreeMap<>();
        waitSeconds.forEach((role, s) -> waited.put(role, Math.max(0, s - before.waitSeconds.getOrDefault(role, 0.0))));
        return new CpuUse(used, waited, wallSeconds - before.wallSeconds, contextSwitches - before.contextSwitches,
                transactions - before.transactions);
    }

    /** Seconds every role's threads waited for a core. */
    double waited() {
        return waitSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU seconds of every role. */
    double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Of a phase: how busy its {@code cores} were, in percent (every process counted). */
    double busyPercent(int cores) {
        return wallSeconds <= 0 ? 0 : 100 * total() / (cores * wallSeconds);
    }

    /** Of a phase: CPU milliseconds per operation, by role, largest first. */
    Map<String, Double> millisPer(long operations) {
        Map<String, Double> per = new LinkedHashMap<>();
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> per.put(e.getKey(), 1000 * e.getValue() / Math.max(1, operations)));
        return per;
    }

    /** Of a phase: "command service 31 %, PostgreSQL 22 %, ..." of {@code cores}, largest first. */
    String describeBusy(int cores) {
        StringBuilder text = new StringBuilder();
        millisPer(1).forEach((role, ms) -> text.append(text.isEmpty() ? "" : ", ").append(role).append(' ')
                .append(String.format("%.0f %%", wallSeconds <= 0 ? 0 : ms / 10 / (cores * wallSeconds))));
        return text.toString();
    }

    /** Of a phase: "command service 1.20, PostgreSQL 0.30, ..." in ms its threads waited for a core per operation, largest first. */
    String describeWaitPer(long operations) {
        StringBuilder text = new StringBuilder();
        waitSeconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format("%.2f", 1000 * e.getValue() / Math.max(1, operations))));
        return text.toString();
    }

    /** Of a phase: "command service 0.61, PostgreSQL 0.52, ..." in CPU ms per operation. */
    String describePer(long operations) {
        StringBuilder text = new StringBuilder();
        millisPer(operations).forEach((role, ms) -> text.append(text.isEmpty() ? "" : ", ")
                .append(role).append(' ').append(String.format("%.2f", ms)));
        return text.toString();
    }
}
