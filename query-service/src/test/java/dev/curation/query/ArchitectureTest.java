package dev.curation.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query service's packages form no cycle, each package (a web adapter sub-package too) its
 * own slice; and the domain packages never depend on web adapters: HTTP depends on the read
 * models, not the reverse.
 */
@AnalyzeClasses(packages = "dev.curation.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.curation.query.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule readModelsDoNotKnowHttp = noClasses()
            .that().resideInAnyPackage("dev.curation.query.list", "dev.curation.query.history")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.springframework.web..",
                    "jakarta.servlet..");
}
