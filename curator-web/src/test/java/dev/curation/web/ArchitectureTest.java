package dev.curation.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The web app is a client of the public APIs (ADR 25): it never reaches into the domain or either
 * service's classes (what a page needs comes over HTTP, so curl users have it too), and its page
 * areas form no cycle.
 */
@AnalyzeClasses(packages = "dev.curation.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyThePublicApis = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.curation.core..", "dev.curation.command..", "dev.curation.query..", "dev.curation.links..",
                    "org.axonframework..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.curation.web.(*)..").should().beFreeOfCycles();
}
