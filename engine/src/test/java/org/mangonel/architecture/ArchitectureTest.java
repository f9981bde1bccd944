package org.mangonel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Protocols;
import org.mangonel.scenario.Workload;

/**
 * The package rules of the design note, as facts: each package owns one concern and must not
 * reach into what another owns. A rule broken by a new import fails this test with the offending
 * class and line ({@link ArchitectureRulesFailTest} shows each rule does catch such an import).
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mangonel");

    /** Every rule, by the concern it protects. */
    static List<ArchRule> rules() {
        return List.of(
                // the model is plain data: it uses nothing of the engine, and no library
                noClasses().that().resideInAPackage("org.mangonel.scenario..")
                        .should().dependOnClassesThat().resideOutsideOfPackages("org.mangonel.scenario..", "java..")
                        .as("scenario uses nothing"),
                // the one SnakeYAML user
                noClasses().that().resideOutsideOfPackage("org.mangonel.yaml..")
                        .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..")
                        .as("only yaml uses SnakeYAML"),
                // event loops know nothing of protocols, statistics, scenarios or the load's pacing
                noClasses().that().resideInAPackage("org.mangonel.net..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.stats..",
                                "org.mangonel.protocol..", "org.mangonel.load..", "org.mangonel.scenario..",
                                "org.mangonel.yaml..", "org.mangonel.transport..")
                        .as("net uses neither stats, protocols, load, scenario, yaml nor transport"),
                // a transport carries bytes: it knows the loop, not what the bytes mean
                noClasses().that().resideInAPackage("org.mangonel.transport..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.stats..",
                                "org.mangonel.protocol..", "org.mangonel.load..", "org.mangonel.yaml..",
                                "org.mangonel.run..", "org.mangonel.report..")
                        .as("transport knows only net"),
                // pacing and sessions' plumbing, for any protocol
                noClasses().that().resideInAPackage("org.mangonel.load..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.protocol..",
                                "org.mangonel.yaml..", "org.mangonel.report..", "org.mangonel.run..",
                                "org.mangonel.framework..", "org.mangonel.cli..")
                        .as("load names no protocol and touches no YAML, report, run or process"),
                noClasses().that().resideInAPackage("org.mangonel.load..")
                        .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.Selector")
                        .as("load leaves selectors to net"),
                // counting: no I/O, no printing
                noClasses().that().resideInAPackage("org.mangonel.stats..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.net..",
                                "org.mangonel.load..", "org.mangonel.protocol..", "org.mangonel.report..",
                                "java.nio.file..", "java.nio.channels..", "java.net..")
                        .orShould().accessField(System.class, "out")
                        .as("stats does no I/O and prints nothing"),
                // the results file is plain data, written and read by Jackson
                noClasses().that().resideInAPackage("org.mangonel.results..")
                        .should().dependOnClassesThat().resideOutsideOfPackages("org.mangonel.results..", "java..",
                                "com.fasterxml.jackson..")
                        .as("results is plain data (and Jackson)"),
                // reports are rendered from results, after measuring
                noClasses().that().resideInAPackage("org.mangonel.report..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.load..",
                                "org.mangonel.net..", "org.mangonel.transport..", "org.mangonel.run..",
                                "org.mangonel.framework..", "org.mangonel.cli..")
                        .as("report sees no live recorders, sockets or processes"),
                // planning is arithmetic over the scenario
                noClasses().that().resideInAPackage("org.mangonel.plan..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.net..",
                                "org.mangonel.load..", "org.mangonel.transport..", "org.mangonel.framework..",
                                "org.mangonel.yaml..", "org.mangonel.run..")
                        .as("plan touches no socket or process"),
                // the framework lifecycle is processes and /proc, not load
                noClasses().that().resideInAPackage("org.mangonel.framework..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.load..",
                                "org.mangonel.protocol..", "org.mangonel.net..", "org.mangonel.stats..")
                        .as("framework knows nothing of load, protocols or statistics"),
                // the core reaches protocols only through the seam: no core package names one
                noClasses().that().resideInAnyPackage("org.mangonel.run..", "org.mangonel.report..",
                                "org.mangonel.plan..", "org.mangonel.yaml..", "org.mangonel.load..",
                                "org.mangonel.stats..", "org.mangonel.scenario..", "org.mangonel.transport..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.protocol.*..")
                        .as("the core names no protocol, only the seam (org.mangonel.protocol)"),
                // the built-in servers are servers, not clients
                noClasses().that().resideInAPackage("org.mangonel.servers..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.mangonel.load..",
                                "org.mangonel.run..", "org.mangonel.report..", "org.mangonel.stats..")
                        .as("servers use no client machinery"),
                // dependencies point one way
                slices().matching("org.mangonel.(*)..").should().beFreeOfCycles()
                        .as("no cycles between packages"));
    }

    @Test
    void everyPackageRuleHolds() {
        for (ArchRule rule : rules()) {
            rule.check(MAIN);
        }
    }

    /** Each workload of the sealed interface has exactly one protocol in the registry, and no protocol is idle. */
    @Test
    void theRegistryHasExactlyOneProtocolPerWorkload() {
        Set<Class<?>> workloads = Arrays.stream(Workload.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> served = Protocols.all().stream().map(Protocol::workloadType).collect(Collectors.toSet());
        assertEquals(workloads, served, "one protocol for each permitted workload, and only those");
        assertEquals(Protocols.all().size(), served.size(), "no workload is served twice");
        List<String> names = Protocols.names();
        assertEquals(names.size(), Set.copyOf(names).size(), "protocol names are unique: " + names);
        for (Protocol<?> p : Protocols.all()) {
            assertTrue(!p.schemes().isEmpty(), p.name() + " names its URL schemes");
        }
    }
}
