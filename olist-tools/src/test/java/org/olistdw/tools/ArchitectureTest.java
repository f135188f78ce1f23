package org.olistdw.tools;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The module arrows of the architecture, stated as rules over the production classes. It lives in olist-tools,
 * the top of the module graph, whose test class path holds every module.
 */
class ArchitectureTest {

    private static final String DOMAIN = "org.olistdw.domain..";
    private static final String DUCKDB = "org.olistdw.analytics.duckdb..";
    private static final String POSTGRES = "org.olistdw.ops.postgres..";
    private static final String PIPELINE = "org.olistdw.pipeline..";
    private static final String RUNNER = "org.olistdw.runner..";
    private static final String SAMPLE = "org.olistdw.sample..";
    private static final String SERVING = "org.olistdw.serving..";
    private static final String TOOLS = "org.olistdw.tools..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.olistdw");
    }

    @Test
    void every_module_is_imported() {
        for (String pkg : new String[] {"org.olistdw.domain", "org.olistdw.analytics.duckdb",
            "org.olistdw.ops.postgres", "org.olistdw.pipeline", "org.olistdw.sample", "org.olistdw.runner",
            "org.olistdw.tools", "org.olistdw.serving"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as("classes of %s are on the test class path", pkg).isTrue();
        }
    }

    @Test
    void the_domain_uses_no_database_types() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..",
                        "org.duckdb..", "org.postgresql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void the_domain_depends_on_no_other_module() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(DUCKDB, POSTGRES, PIPELINE, SAMPLE, RUNNER, TOOLS,
                        SERVING)
                .check(classes);
    }

    @Test
    void the_duckdb_adapter_never_sees_the_postgres_adapter_nor_the_runner() {
        noClasses().that().resideInAPackage(DUCKDB)
                .should().dependOnClassesThat().resideInAnyPackage(POSTGRES, RUNNER, SAMPLE, TOOLS)
                .check(classes);
    }

    @Test
    void the_postgres_adapter_never_sees_the_duckdb_adapter_nor_the_runner() {
        noClasses().that().resideInAPackage(POSTGRES)
                .should().dependOnClassesThat().resideInAnyPackage(DUCKDB, RUNNER, SAMPLE, TOOLS)
                .check(classes);
    }

    @Test
    void the_pipeline_depends_on_ports_only() {
        noClasses().that().resideInAPackage(PIPELINE)
                .should().dependOnClassesThat().resideInAnyPackage(DUCKDB, POSTGRES, SAMPLE, RUNNER, TOOLS, "java.sql..",
                        "javax.sql..", "org.jdbi..", "org.duckdb..", "org.postgresql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void only_the_runner_and_the_tools_name_adapter_classes() {
        classes().that().resideInAPackage(DUCKDB)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(DUCKDB, RUNNER, TOOLS)
                .check(classes);
        classes().that().resideInAPackage(POSTGRES)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(POSTGRES, RUNNER, TOOLS)
                .check(classes);
    }

    @Test
    void only_the_runner_depends_on_the_serving_adapter() {
        classes().that().resideInAPackage(SERVING)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(SERVING, RUNNER)
                .check(classes);
    }

    @Test
    void the_serving_adapter_sees_the_domain_only_not_the_pipeline_nor_the_other_adapters() {
        noClasses().that().resideInAPackage(SERVING)
                .should().dependOnClassesThat().resideInAnyPackage(PIPELINE, DUCKDB, POSTGRES, RUNNER, SAMPLE, TOOLS)
                .check(classes);
    }

    @Test
    void in_the_runner_only_the_bootstrap_opens_adapters() {
        classes().that().resideInAPackage(RUNNER).and().doNotHaveSimpleName("Wiring")
                .should(notOpenAnAdapter())
                .check(classes);
    }

    @Test
    void the_runner_uses_no_database_driver() {
        noClasses().that().resideInAPackage(RUNNER)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..",
                        "org.duckdb..", "org.postgresql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void nothing_depends_on_the_tools() {
        noClasses().that().resideOutsideOfPackage(TOOLS)
                .should().dependOnClassesThat().resideInAPackage(TOOLS)
                .check(classes);
    }

    @Test
    void only_the_tools_use_the_sample_generator() {
        noClasses().that().resideOutsideOfPackages(SAMPLE, TOOLS)
                .should().dependOnClassesThat().resideInAPackage(SAMPLE)
                .check(classes);
    }

    @Test
    void the_sample_generator_knows_only_the_source_file_contract() {
        classes().that().resideInAPackage(SAMPLE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(SAMPLE, "org.olistdw.pipeline.source..", "java..")
                .check(classes);
    }

    @Test
    void there_are_no_package_cycles() {
        slices().matching("org.olistdw.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void only_the_runner_and_the_tools_commands_write_to_the_console() {
        DescribedPredicate<JavaClass> toolCommands = resideInAPackage(TOOLS).and(annotatedWith(Command.class))
                .as("a command of the tools");
        noClasses().that().resideOutsideOfPackage(RUNNER).and(not(toolCommands))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void adapter_classes_that_implement_domain_ports_are_not_public() {
        classes().that().resideInAnyPackage(DUCKDB, POSTGRES)
                .should(notBePublicWhenImplementingAPort())
                .check(classes);
    }

    private static ArchCondition<JavaClass> notOpenAnAdapter() {
        return new ArchCondition<>("not open an adapter (call a static method or constructor of an adapter class)") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    boolean isStatic = call.getTarget().resolveMember()
                            .map(method -> method.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
                    if (isStatic && isAdapter(call.getTargetOwner())) {
                        events.add(SimpleConditionEvent.violated(item, violation(call)));
                    }
                }
                for (JavaConstructorCall call : item.getConstructorCallsFromSelf()) {
                    if (isAdapter(call.getTargetOwner())) {
                        events.add(SimpleConditionEvent.violated(item, violation(call)));
                    }
                }
            }

            private boolean isAdapter(JavaClass owner) {
                return owner.getPackageName().startsWith("org.olistdw.analytics.duckdb")
                        || owner.getPackageName().startsWith("org.olistdw.ops.postgres")
                        || owner.getPackageName().startsWith("org.olistdw.serving");
            }

            private String violation(JavaAccess<?> call) {
                return call.getDescription() + ": adapters are opened by the bootstrap (Wiring) only";
            }
        };
    }

    private static ArchCondition<JavaClass> notBePublicWhenImplementingAPort() {
        return new ArchCondition<>("not be public when implementing a port") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean implementsPort = item.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getPackageName().startsWith("org.olistdw.domain")
                                || i.getPackageName().startsWith("org.olistdw.pipeline"));
                if (implementsPort && item.getModifiers().contains(JavaModifier.PUBLIC)) {
                    events.add(SimpleConditionEvent.violated(item, item.getName()
                            + " implements a port and is public; adapters expose one entry point only"));
                }
            }
        };
    }
}
