package dev.curation.service;

/**
 * In the local stack the launcher passes its pid ({@code -Dcuration.parent-pid}): when the
 * launcher is gone, even after a {@code kill -9}, the service stops too (gracefully, through
 * the shutdown hooks) instead of running on half-orphaned. Without the property nothing happens.
 */
public final class ParentProcess {

    private ParentProcess() {
    }

    public static void exitWithIt() {
        String pid = System.getProperty("curation.parent-pid");
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> stop(pid)),
                () -> stop(pid));
    }

    private static void stop(String pid) {
        System.err.println("the launcher (pid " + pid + ") is gone; stopping");
        System.exit(0);
    }
}
