package dev.curation.query.lint.web;

import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.LintRule;
import dev.curation.core.lint.Severity;
import dev.curation.query.lint.LintProblemView;
import dev.curation.query.lint.LintReports;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A list version checked against its lint profile: JSON by default, SARIF 2.1.0 (for code-scanning
 * tools) with {@code Accept: application/sarif+json}.
 */
@RestController
class LintController {

    static final String SARIF = "application/sarif+json";

    private final ListStore lists;
    private final LintReports reports;

    LintController(ListStore lists, LintReports reports) {
        this.lists = lists;
        this.reports = reports;
    }

    @Operation(summary = "Every lint problem of a list version, naming rule, severity, item and line; "
            + "SARIF 2.1.0 with Accept: application/sarif+json",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = LintView.class)),
                    @Content(mediaType = SARIF, schema = @Schema(type = "object",
                            description = "a SARIF 2.1.0 log with one run"))}))
    @GetMapping(path = "/api/lists/{slug}/lint", produces = {MediaType.APPLICATION_JSON_VALUE, SARIF})
    ResponseEntity<Object> lint(@Parameter(example = "distributed-systems-notes") @PathVariable String slug,
                                @Parameter(description = "a past version (default: the current one)")
                                @RequestParam(required = false) Long version,
                                @RequestHeader(name = "Accept", required = false) String accept) {
        if (version != null) {
            QueryParameters.version("version", version);
        }
        StoredDocument list = lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
        long wanted = version != null ? version : list.version();
        LintReports.Report report = reports.of(list, wanted).orElseThrow(() -> new NotFoundException(
                "list '" + slug + "' has no version " + wanted + " (current: " + list.version() + ")"));
        if (accept != null && accept.contains(SARIF) && !prefersJson(accept)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(SARIF)).body(Sarif.of(slug, report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(LintView.of(slug, report));
    }

    /** An Accept that names JSON before SARIF (or with a higher quality) gets JSON. */
    private static boolean prefersJson(String accept) {
        List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        // stable: types of equal quality keep the client's order
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.toString().startsWith(SARIF)) {
                return false;
            }
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
                return true;
            }
        }
        return false;
    }

    /** The report as JSON: the profile it was checked against, counts, and the problems in document order. */
    record LintView(String list, long version, ProfileView profile, long errors, long warnings, List<LintProblemView> problems) {

        static LintView of(String slug, LintReports.Report report) {
            return new LintView(slug, report.version(), ProfileView.of(report.profile()), report.count(Severity.ERROR),
                    report.count(Severity.WARNING), LintProblemView.of(report.problems()));
        }
    }

    /** {@code rules}: the enabled rules by id, each with its severity. */
    record ProfileView(Map<String, String> rules, boolean sameUrlInSections) {

        static ProfileView of(LintProfile profile) {
            Map<String, String> rules = new LinkedHashMap<>();
            profile.rules().forEach((rule, severity) -> rules.put(rule.id(), severity.wireName()));
            return new ProfileView(rules, profile.sameUrlInSections());
        }
    }

    /** SARIF 2.1.0 (OASIS): one run of the tool "curation-lint", its rules, and one result per problem. */
    static final class Sarif {

        private Sarif() {
        }

        static Map<String, Object> of(String slug, LintReports.Report report) {
            List<Map<String, Object>> rules = Arrays.stream(LintRule.values()).map(rule -> Map.<String, Object>of(
                    "id", rule.id(),
                    "shortDescription", Map.of("text", rule.description()),
                    "defaultConfiguration", Map.of("level", rule.defaultSeverity().wireName()))).toList();
            List<Map<String, Object>> results = report.problems().stream().map(problem -> {
                Map<String, Object> location = new LinkedHashMap<>();
                location.put("physicalLocation", Map.of(
                        "artifactLocation", Map.of("uri", slug + ".md"),
                        "region", Map.of("startLine", problem.line())));
                if (problem.item() != null) {
                    location.put("logicalLocations", List.of(Map.of("name", problem.item(), "kind", "member")));
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ruleId", problem.rule());
                result.put("level", problem.severity().wireName());
                result.put("message", Map.of("text", problem.message()));
                result.put("locations", List.of(location));
                return result;
            }).toList();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("tool", Map.of("driver", Map.of("name", "curation-lint", "rules", rules)));
            run.put("versionControlProvenance", List.of(Map.of("repositoryUri", "urn:curation:list:" + slug,
                    "revisionId", Long.toString(report.version()))));
            run.put("results", results);
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            log.put("version", "2.1.0");
            log.put("runs", List.of(run));
            return log;
        }
    }
}
