package dev.pearl.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ad-core's packages have no cycles and depend only downwards (see {@link AdCoreRules}). */
class AdCoreArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pearl");

    @Test
    void adCoreHasNoPackageCycles() {
        AdCoreRules.noPackageCycles("dev.pearl").check(MAIN);
    }

    @Test
    void adCoreDependsOnlyDownwards() {
        AdCoreRules.layers().check(MAIN);
    }

    @Test
    void aPackageCycleIsReported() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.pearl.architecture.fixture.cycle");
        EvaluationResult r = AdCoreRules.noPackageCycles("dev.pearl.architecture.fixture.cycle").evaluate(fixture);
        assertTrue(r.hasViolation(), "the cycle between the fixture packages was not reported");
        String report = r.getFailureReport().toString();
        assertTrue(report.contains("cycle.first") && report.contains("cycle.second"), report);
    }

    @Test
    void anUpwardDependencyIsReported() {
        JavaClasses withFixture = new ClassFileImporter()
                .withImportOption(location -> !location.contains("test-classes") || location.contains("UpwardReferenceFixture"))
                .importPackages("dev.pearl");
        EvaluationResult r = AdCoreRules.layers().evaluate(withFixture);
        String report = r.getFailureReport().toString();
        assertTrue(r.hasViolation(), "the tensor layer's use of Ops was not reported");
        assertTrue(report.contains("UpwardReferenceFixture") && report.contains("dev.pearl.Ops"), report);
        assertFalse(AdCoreRules.layers().evaluate(MAIN).hasViolation(), "main code alone must pass");
    }
}
