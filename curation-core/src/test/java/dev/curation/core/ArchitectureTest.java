package dev.curation.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays free of frameworks: no Spring, no Axon, no Kafka, no JDBC, no Jackson. */
@AnalyzeClasses(packages = "dev.curation.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "org.axonframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
            "com.fasterxml..", "tools.jackson..");
}
