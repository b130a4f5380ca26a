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
        return new CpuUse(minus(seconds, before.seconds), minus(waitSeconds, before.waitSeconds), wallSeconds - before.wallSeconds,
                contextSwitches - before.contextSwitches, transactions - before.transactions);
    }

    private static Map<String, Double> minus(Map<String, Double> now, Map<String, Double> before) {
        Map<String, Double> used = new TreeMap<>();
        now.forEach((role, s) -> used.put(role, Math.max(0, s - before.getOrDefault(role, 0.0))));
        return used;
    }

    /** Seconds every role's threads waited for a core. */
    double waited() {
        return waitSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** CPU seconds of every role. */
    double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Of a phase: CPU milliseconds of every role per operation. */
    double totalMillisPer(long operations) {
        return 1000 * total() / Math.max(1, operations);
    }

    /** Of a phase: the machine's context switches per operation. */
    double contextSwitchesPer(long operations) {
        return (double) contextSwitches / Math.max(1, operations);
    }

    /** Of a phase: PostgreSQL's transactions per operation. */
    double transactionsPer(long operations) {
        return (double) transactions / Math.max(1, operations);
    }

    /** Of a phase: how busy its {@code cores} were, in percent (every process counted). */
    double busyPercent(int cores) {
        return wallSeconds <= 0 ? 0 : 100 * total() / (cores * wallSeconds);
    }

    /** Of a phase: CPU milliseconds per operation, by role, largest first. */
    Map<String, Double> millisPer(long operations) {
        return largestFirst(seconds, 1000.0 / Math.max(1, operations));
    }

    /** Of a phase: "command service 31 %, PostgreSQL 22 %, ..." of {@code cores}, largest first. */
    String describeBusy(int cores) {
        return describe(largestFirst(seconds, wallSeconds <= 0 ? 0 : 100 / (cores * wallSeconds)), "%.0f %%");
    }

    /** Of a phase: "command service 0.61, PostgreSQL 0.52, ..." in CPU ms per operation. */
    String describePer(long operations) {
        return describe(millisPer(operations), "%.2f");
    }

    /** Of a phase: "command service 1.20, PostgreSQL 0.30, ..." in ms its threads waited for a core per operation, largest first. */
    String describeWaitPer(long operations) {
        return describe(largestFirst(waitSeconds, 1000.0 / Math.max(1, operations)), "%.2f");
    }

    /** Of a phase: as {@link #describeWaitPer}, in ms waited per second of the phase. */
    String describeWaitPerSecond() {
        return describe(largestFirst(waitSeconds, wallSeconds <= 0 ? 0 : 1000 / wallSeconds), "%.2f");
    }

    /** Each role's value times {@code scale}, largest first. */
    private static Map<String, Double> largestFirst(Map<String, Double> byRole, double scale) {
        Map<String, Double> scaled = new LinkedHashMap<>();
        byRole.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> scaled.put(e.getKey(), e.getValue() * scale));
        return scaled;
    }

    /** "role value, role value, ..." with each value in {@code format}. */
    private static String describe(Map<String, Double> byRole, String format) {
        StringBuilder text = new StringBuilder();
        byRole.forEach((role, value) -> text.append(text.isEmpty() ? "" : ", ").append(role).append(' ')
                .append(String.format(format, value)));
        return text.toString();
    }
}
