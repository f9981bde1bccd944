package org.mangonel.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The architecture test's own test: classes that each add one forbidden import (they live in the
 * test sources, so the real check never sees them) must make the rule that forbids it fail,
 * naming the offending class.
 */
class ArchitectureRulesFailTest {
    @ParameterizedTest(name = "{0} is caught by ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "org.mangonel.net.ArchSampleNetUsingStats|net uses neither stats, protocols, load, scenario, yaml nor transport",
        "org.mangonel.run.ArchSampleRunNamingAProtocol|the core names no protocol, only the seam (org.mangonel.protocol)",
        "org.mangonel.load.ArchSampleLoadUsingYaml|only yaml uses SnakeYAML",
        "org.mangonel.report.ArchSampleReportUsingLoad|report sees no live recorders, sockets or processes",
        "org.mangonel.scenario.ArchSampleScenarioDoingIo|scenario uses nothing"})
    void aForbiddenImportFailsItsRule(String sampleClass, String ruleName) throws Exception {
        JavaClasses sample = new ClassFileImporter().importClasses(Class.forName(sampleClass));
        ArchRule rule = ArchitectureTest.rules().stream().filter(r -> r.getDescription().equals(ruleName)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule named '" + ruleName + "'"));
        EvaluationResult result = rule.evaluate(sample);
        assertTrue(result.hasViolation(), ruleName + " must catch " + sampleClass);
        assertTrue(result.getFailureReport().toString().contains(sampleClass), result.getFailureReport().toString());
    }
}
