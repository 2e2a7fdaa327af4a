package io.coinsphere.exchangesync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which package may use which (docs/architecture.md): arrows point one way, from the triggers of a sync through
 * the flow to its boundaries, and nothing below ever reaches back up.
 */
@AnalyzeClasses(packages = "io.coinsphere.exchangesync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.coinsphere.exchangesync";

    @ArchTest
    static final ArchRule syncLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Triggers").definedBy(ROOT + ".sync.trigger..", ROOT + ".sync.transport..", ROOT + ".sync.stats..")
            .layer("Flow").definedBy(ROOT + ".sync")
            .layer("Boundaries").definedBy(ROOT + ".exchange..", ROOT + ".vault..", ROOT + ".database..")
            .layer("Infrastructure").definedBy(ROOT + ".kafka..", ROOT + ".ops..", ROOT + ".config..", ROOT + ".web..")
            .whereLayer("Triggers").mayNotBeAccessedByAnyLayer()
            .whereLayer("Flow").mayOnlyBeAccessedByLayers("Triggers")
            .whereLayer("Boundaries").mayOnlyBeAccessedByLayers("Triggers", "Flow", "Infrastructure")
            .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Triggers", "Flow", "Boundaries");

    /** Kafka delivery is one way for sync work to travel: only the transport and the queue statistics know it. */
    @ArchTest
    static final ArchRule onlyTheTransportKnowsKafkaRecords = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".sync.transport..", ROOT + ".sync.stats..", ROOT + ".kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel.component.kafka..");

    /** The worker never knows who asked: the triggers and transports call it, not the other way round. */
    @ArchTest
    static final ArchRule theFlowKnowsNoTrigger = noClasses().that().resideInAPackage(ROOT + ".sync")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".sync.trigger..", ROOT + ".sync.transport..",
                    ROOT + ".sync.stats..", ROOT + ".connect..", ROOT + ".live..");

    /** The exchange emulator and demo mode are development tools: production code never uses them. */
    @ArchTest
    static final ArchRule nothingUsesTheDevelopmentTools = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".emulator..", ROOT + ".demo..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".emulator..", ROOT + ".demo..");
}
