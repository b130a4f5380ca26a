package dev.curation.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code ./curation backup --to DIR} and {@code ./curation restore --from DIR --data-dir NEW [--force]}. */
final class BackupCommand {

    static final String USAGE = """
            usage: ./curation backup --to DIR [--data-dir DIR]
                   ./curation restore --from DIR --data-dir NEW [--force]
              backup   a consistent backup of the stack's event store and signing key, taken while it runs
                       (or from its stopped data directory); --data-dir as for start (env CURATION_DATA_DIR)
              restore  a new data directory from a backup (every checksum checked); --force replaces a
                       non-empty one; ./curation start --data-dir NEW then serves it
            """;

    private BackupCommand() {
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        boolean force = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--force")) {
                force = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.print(USAGE);
                return 0;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                err.println("curation " + args[0] + ": unknown or incomplete option: " + arg);
                err.print(USAGE);
                return 2;
            }
        }
        try {
            if (args[0].equals("backup")) {
                String to = options.remove("to");
                Path dataDir = Path.of(options.getOrDefault("data-dir", env.getOrDefault("CURATION_DATA_DIR", ".curation")));
                options.remove("data-dir");
                options.keySet().removeIf(k -> k.endsWith("-port"));
                if (to == null || !options.isEmpty()) {
                    err.println("curation backup: " + (to == null ? "--to DIR is required" : "unknown option --"
                            + options.keySet().iterator().next()));
                    err.print(USAGE);
                    return 2;
                }
                Backups.backup(dataDir.toAbsolutePath().normalize(), Path.of(to).toAbsolutePath().normalize(), out);
            } else {
                String from = options.remove("from");
                String dataDir = options.remove("data-dir");
                if (from == null || dataDir == null || !options.isEmpty()) {
                    err.println("curation restore: --from DIR and --data-dir NEW are required"
                            + (options.isEmpty() ? "" : "; unknown option --" + options.keySet().iterator().next()));
                    err.print(USAGE);
                    return 2;
                }
                Backups.restore(Path.of(from).toAbsolutePath().normalize(), Path.of(dataDir).toAbsolutePath().normalize(),
                        force, out);
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("curation " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }
}
