package dev.curation.query.lint;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.curation.core.document.ListDocument;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.ListLinter;
import dev.curation.core.lint.Severity;
import dev.curation.query.config.QueryProperties;
import dev.curation.query.history.ListHistory;
import dev.curation.query.history.ReadGate;
import dev.curation.query.list.LintProfiles;
import dev.curation.query.list.StoredDocument;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The lint report of a list version, computed when first asked for and kept: a version never
 * changes, and the profile it is checked against is the last one set at or before it (the
 * defaults if none was). A past version not yet kept is folded through the {@link ReadGate}: a
 * client asking for every old version in turn must not take every core.
 */
@Component
public class LintReports {

    /** A version's problems under a profile. */
    public record Report(String listId, long version, LintProfile profile, List<LintProblem> problems) {

        public long count(Severity severity) {
            return problems.stream().filter(p -> p.severity() == severity).count();
        }
    }

    /** The profile is part of the key: a curator may change it while the version stays current. */
    private record Key(String listId, long version, LintProfile profile) {
    }

    private final ListHistory history;
    private final LintProfiles profiles;
    private final ReadGate gate;
    private final Cache<Key, Report> cache;

    LintReports(ListHistory history, LintProfiles profiles, ReadGate gate, QueryProperties settings) {
        this.history = history;
        this.profiles = profiles;
        this.gate = gate;
        this.cache = Caffeine.newBuilder().maximumWeight(settings.lintCacheProblems())
                .weigher((Key key, Report report) -> 1 + report.problems().size()).build();
    }

    /** The report of a version of a published list, or empty if the list has no such version. */
    public Optional<Report> of(StoredDocument list, long version) {
        LintProfile profile = profiles.at(list.listId(), version);
        Key key = new Key(list.listId(), version, profile);
        Report cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Supplier<Optional<Report>> fold = () -> history.documentAt(list.listId(), version).map(document -> {
            Report report = lint(list.listId(), version, document, profile);
            cache.put(key, report);
            return report;
        });
        return version == list.version() ? fold.get() : gate.run(fold);
    }

    private static Report lint(String listId, long version, ListDocument document, LintProfile profile) {
        return new Report(listId, version, profile, ListLinter.lint(document, profile));
    }
}
