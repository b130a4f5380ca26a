package dev.curation.command.git;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The git bridge's settings ({@code curation.git.*}).
 *
 * @param allowFile              take {@code file:} repositories (on in the local stack, off elsewhere: a
 *                               server's own disk is no place a list's owner should reach)
 * @param allowPrivateAddresses  take https hosts that resolve to private or loopback addresses (off: as for webhooks)
 * @param allowPlainHttp         take {@code http://} repositories: for tests against a local git server only
 * @param workDir                where kept clones live, one per bridge
 * @param pollInterval           how often each bridge fetches, pulls and publishes
 * @param timeout                one clone, fetch or push at most
 * @param committerName          the committer of every commit the bridge publishes
 * @param committerEmail         its e-mail
 * @param noreplyEmail           the e-mail of an author who has none here; {@code {account}} is the account name
 * @param maxRetryDelay          the longest wait between retries of a failing bridge or import
 */
@ConfigurationProperties("curation.git")
public record GitProperties(@DefaultValue("false") boolean allowFile,
                            @DefaultValue("false") boolean allowPrivateAddresses,
                            @DefaultValue("false") boolean allowPlainHttp,
                            @DefaultValue("${java.io.tmpdir}/curation-git") Path workDir,
                            @DefaultValue("60s") Duration pollInterval,
                            @DefaultValue("120s") Duration timeout,
                            @DefaultValue("Curation") String committerName,
                            @DefaultValue("curation-bridge@noreply.invalid") String committerEmail,
                            @DefaultValue("{account}@users.noreply.invalid") String noreplyEmail,
                            @DefaultValue("10m") Duration maxRetryDelay) {

    /** The e-mail of an account that has none. */
    public String noreplyFor(String account) {
        return noreplyEmail.replace("{account}", account.replaceAll("[^A-Za-z0-9._-]", "-"));
    }
}
