package dev.curation.query.config;

import static dev.curation.service.SettingChecks.atLeast;
import static dev.curation.service.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code curation.query.*}: the bounds and caches of reads.
 *
 * @param maxExpensiveReads  expensive reads (lint reports, Markdown and diffs of past versions, blame, searches
 *                           under 3 characters) running at once on this replica
 * @param expensiveReadWait  how long an expensive read waits for its turn before it is a 503 {@code busy}
 * @param minVersionWait     how long a read with {@code ?minVersion=N} waits for that version to be projected
 *                           before it is a 503 {@code not-yet-visible}
 * @param maxVersionWaits    reads waiting for a version at once; beyond, a 503
 * @param versionRecheck     how often a waiting read looks at the database for a version projected by another replica
 * @param maxDiffLines       lines of a unified diff at most; a longer one is refused
 * @param diffCacheBytes     the size of each cache of diffs (unified, structural, proposal previews)
 * @param blameCacheLines    lines of blame kept in memory
 * @param lintCacheProblems  lint problems kept in memory
 * @param renderedCacheBytes Markdown of lists kept rendered in memory
 */
@ConfigurationProperties("curation.query")
public record QueryProperties(@DefaultValue("4") int maxExpensiveReads,
                              @DefaultValue("2s") Duration expensiveReadWait,
                              @DefaultValue("3s") Duration minVersionWait,
                              @DefaultValue("1000") int maxVersionWaits,
                              @DefaultValue("100ms") Duration versionRecheck,
                              @DefaultValue("20000") int maxDiffLines,
                              @DefaultValue("16MB") DataSize diffCacheBytes,
                              @DefaultValue("200000") long blameCacheLines,
                              @DefaultValue("200000") long lintCacheProblems,
                              @DefaultValue("64MB") DataSize renderedCacheBytes) {

    public QueryProperties {
        atLeast("curation.query.max-expensive-reads", maxExpensiveReads, 1);
        atLeast("curation.query.max-version-waits", maxVersionWaits, 1);
        positive("curation.query.version-recheck", versionRecheck);
        atLeast("curation.query.max-diff-lines", maxDiffLines, 1);
        atLeast("curation.query.diff-cache-bytes", diffCacheBytes.toBytes(), 0);
        atLeast("curation.query.blame-cache-lines", blameCacheLines, 0);
        atLeast("curation.query.lint-cache-problems", lintCacheProblems, 0);
        atLeast("curation.query.rendered-cache-bytes", renderedCacheBytes.toBytes(), 0);
    }
}
