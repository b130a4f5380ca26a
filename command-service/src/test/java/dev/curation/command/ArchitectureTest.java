package dev.curation.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The command service's packages form no cycle, each package (a web adapter sub-package too) its
 * own slice; the list and the publisher never depend on web adapters: HTTP depends on the
 * domain, not the reverse.
 */
@AnalyzeClasses(packages = "dev.curation.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.curation.command.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainDoesNotKnowHttp = noClasses()
            .that().resideInAnyPackage("dev.curation.command.list", "dev.curation.command.publishing")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.springframework.web..",
                    "jakarta.servlet..");
}
