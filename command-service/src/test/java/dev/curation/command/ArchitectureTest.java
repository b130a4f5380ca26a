package dev.curation.command;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.edit.Revert;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.ChangeSetRules;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.LintFixes;
import dev.curation.core.list.LintGate;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.Members;
import dev.curation.core.list.Proposal;
import dev.curation.core.list.Webhooks;

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

    /** The aggregate adapts Axon to core's decider: it knows the decider, the commands and events, and nothing of the rules. */
    @ArchTest
    static final ArchRule aggregateKnowsTheDeciderOnly = classes().that().haveFullyQualifiedName("dev.curation.command.list.CuratedList")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.axonframework..", "org.jspecify..",
                    "dev.curation.core.decider..", "dev.curation.command.list..")
                    .or(assignableTo(ListCommand.class)).or(assignableTo(ListEvent.class))
                    .or(type(ImportList.class)).or(type(InputLimits.class)));

    /** Controllers translate HTTP into commands and answers: the rules that decide are core's, reached through the list. */
    @ArchTest
    static final ArchRule controllersDoNotDecide = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat(resideInAPackage("dev.curation.core.decider..")
                    .or(type(ChangeSetRules.class)).or(type(LintGate.class)).or(type(LintFixes.class)).or(type(Members.class))
                    .or(type(Proposal.class)).or(type(ListFold.class)).or(type(Webhooks.class)).or(type(ListEditor.class))
                    .or(type(Revert.class)));
}
