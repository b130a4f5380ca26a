package dev.curation.bench;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./curation bench} options. {@code jmh} hands every argument after it to JMH (whose own
 * {@code -h} lists its options); otherwise only the options below are taken.
 *
 * @param links   the in-process lint and link-check rows only (no stack, no docs)
 * @param jmhArgs the JMH arguments when running the micro-benchmarks, else null
 * @param profileSeconds how long {@code profile} samples the services under load; 0 when not profiling
 * @param profileRate    the edits/s {@code profile} offers while sampling; 0: as fast as its clients go
 * @param profileEntries the links each of {@code profile}'s lists starts with
 * @param profileSampling what {@code profile} samples: CPU time, wall-clock time or allocated bytes
 */
record BenchOptions(boolean quick, boolean json, boolean noDocs, boolean links, String @Nullable [] jmhArgs,
                    int profileSeconds, int profileClients, Profile.Sampling profileSampling, int profileRate, int profileEntries) {

    static final String USAGE = """
            usage: ./curation bench [--quick] [--json] [--no-docs]
                   ./curation bench links [--json]
                   ./curation bench jmh [JMH options]
                   ./curation bench profile [--seconds N] [--clients N] [--rate N] [--entries N] [--wall | --alloc]
              (none)      every scenario on the real stack, beside PostgreSQL, Kafka and CRUD peer baselines
                          measured in the same run; writes docs/benchmarks.md and its charts
              --quick     shorter load phases at 1 and 32 clients (longer warm-up), about 5-10 minutes
              --json      print the results as JSON instead of lines
              --no-docs   leave docs/benchmarks.md as it is
              links       the in-process lint and link-check rows only (no stack, no docs)
              jmh         the JMH micro-benchmarks; `./curation bench jmh -h` lists JMH's options
              profile     flame graphs of both services under clients of edits (async-profiler; default 32),
                          N seconds (default 30) after a 2-minute warm-up, into docs/benchmarks/flame-*.html;
                          --rate: N edits/s offered while sampling (after the warm-up's backlog is projected),
                          and the pipeline's hops printed; --entries: links each of the 64 lists starts with
                          (default 1; the full run's lists hold thousands by its latency phases); --wall: wall-clock
                          time of every thread (where requests wait), into wall-*.html; --alloc: bytes allocated
                          (what fills the heap), per accepted edit too, into alloc-*.html
              -h, --help  this text
            """;

    /** What is wrong with the arguments; an empty message asks for the usage. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }

        boolean isHelp() {
            return "".equals(getMessage());
        }
    }

    static BenchOptions parse(String[] args) {
        if (args.length > 0 && args[0].equals("jmh")) {
            return new BenchOptions(false, false, true, false, Arrays.copyOfRange(args, 1, args.length), 0, 0, Profile.Sampling.CPU, 0, 1);
        }
        if (args.length > 0 && args[0].equals("profile")) {
            return profile(Arrays.asList(args).subList(1, args.length));
        }
        boolean links = args.length > 0 && args[0].equals("links");
        List<String> options = Arrays.asList(args).subList(links ? 1 : 0, args.length);
        boolean quick = false;
        boolean json = false;
        boolean noDocs = false;
        for (String option : options) {
            switch (option) {
                case "-h", "--help" -> throw new UsageException("");
                case "--json" -> json = true;
                case "--quick" -> quick = true;
                case "--no-docs" -> noDocs = true;
                default -> throw new UsageException("unknown option " + option
                        + (option.equals("links") || option.equals("jmh") ? " (" + option + " comes first)" : ""));
            }
            if (links && !option.equals("--json")) {
                throw new UsageException("links takes only --json, not " + option);
            }
        }
        return new BenchOptions(quick, json, noDocs || links, links, null, 0, 0, Profile.Sampling.CPU, 0, 1);
    }

    private static BenchOptions profile(List<String> options) {
        int seconds = 30;
        int clients = 32;
        Profile.Sampling sampling = Profile.Sampling.CPU;
        int rate = 0;
        int entries = 1;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "-h", "--help" -> throw new UsageException("");
                case "--wall" -> sampling = Profile.Sampling.WALL;
                case "--alloc" -> sampling = Profile.Sampling.ALLOC;
                case "--seconds" -> seconds = number(options, i++, 4, "--seconds takes a number of seconds from 1 to 9999");
                case "--clients" -> clients = number(options, i++, 3, "--clients takes a number of clients from 1 to 999");
                case "--rate" -> rate = number(options, i++, 5, "--rate takes a number of edits/s from 1 to 99999");
                case "--entries" -> entries = number(options, i++, 5, "--entries takes a number of links from 1 to 99999");
                default -> throw new UsageException("profile takes only --seconds N, --clients N, --rate N, --entries N, --wall and --alloc, not "
                        + options.get(i));
            }
        }
        return new BenchOptions(false, false, true, false, null, seconds, clients, sampling, rate, entries);
    }

    /** The value after option {@code at}: a number without leading zeros of at most {@code digits} digits. */
    private static int number(List<String> options, int at, int digits, String usage) {
        if (at + 1 == options.size() || !options.get(at + 1).matches("[1-9][0-9]{0," + (digits - 1) + "}")) {
            throw new UsageException(usage);
        }
        return Integer.parseInt(options.get(at + 1));
    }
}
