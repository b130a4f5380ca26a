package dev.curation.git;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The git module is a plain library on JGit: no Spring, no Axon, no Kafka, no database, and not
 * the list's rules either (curation-core): the services translate between commits and versions.
 */
@AnalyzeClasses(packages = "dev.curation.git", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "org.axonframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
            "com.fasterxml..", "tools.jackson..", "dev.curation.core..", "dev.curation.command..",
            "dev.curation.query..");
}
