package dev.curation.git;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the host's git configuration out of the bridge. JGit reads a system config
 * ({@code /etc/gitconfig}), a user config ({@code ~/.gitconfig}, {@code $XDG_CONFIG_HOME/git/config})
 * and its own ({@code ~/.config/jgit/config}) through the process-wide {@link SystemReader}, and
 * every repository's config inherits them: an {@code url.*.insteadOf} there would send a fetch or a
 * push elsewhere, {@code http.*} settings would change TLS, proxies and headers, and so on. So
 * before touching a remote or a kept repository the bridge installs, once per process, a
 * {@link SystemReader.Delegate} around the reader in place whose three configs are always empty
 * and never read from or written to disk; everything else (clock, environment, time zone) is the
 * delegate's. Only the repository's own {@code config} file, which the bridge writes, counts.
 */
final class GitConfigIsolation {

    private GitConfigIsolation() {
    }

    /** Installs the isolating reader unless the one in place already is one. */
    static synchronized void ensure() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof Isolated)) {
            SystemReader.setInstance(new Isolated(current));
        }
    }

    /** Whether the reader in place ignores the host's configuration. */
    static boolean isInPlace() {
        return SystemReader.getInstance() instanceof Isolated;
    }

    private static final class Isolated extends SystemReader.Delegate {

        Isolated(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openUserConfig(@Nullable Config parent, FS fs) {
            return new EmptyConfig(parent, fs);
        }

        @Override
        public FileBasedConfig openSystemConfig(@Nullable Config parent, FS fs) {
            return new EmptyConfig(parent, fs);
        }

        @Override
        public FileBasedConfig openJGitConfig(@Nullable Config parent, FS fs) {
            return new EmptyConfig(parent, fs);
        }
    }

    /** A config with no file: nothing loaded, nothing saved, never out of date. */
    private static final class EmptyConfig extends FileBasedConfig {

        EmptyConfig(@Nullable Config parent, FS fs) {
            super(parent, new File("/dev/null"), fs);
        }

        @Override
        public void load() {
            clear();
        }

        @Override
        public void save() {
            // nothing to keep: the host's configuration is not ours to write
        }

        @Override
        public boolean isOutdated() {
            return false;
        }
    }
}
