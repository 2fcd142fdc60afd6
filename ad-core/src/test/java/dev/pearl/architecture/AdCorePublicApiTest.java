package dev.pearl.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** ad-core's public packages show no internal type (see {@link PublicApi} and docs/public-api.md). */
class AdCorePublicApiTest {
    /** What users program against, and the SPI for backends and primitives (trace, backend). */
    static final String[] API = {"dev.pearl", "dev.pearl.ad", "dev.pearl.nn", "dev.pearl.check", "dev.pearl.tensor", "dev.pearl.trace", "dev.pearl.backend"};

    @Test
    void publicSignaturesShowNoInternalType() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.pearl");
        PublicApi.exposesNoInternalTypes(API).check(main);
    }

    @Test
    void anInternalTypeInAPublicSignatureIsReported() {
        JavaClasses fixture = new ClassFileImporter().importClasses(dev.pearl.architecture.fixture.api.LeakyApi.class,
                dev.pearl.cpu.parallel.ThreadPool.class);
        EvaluationResult r = PublicApi.exposesNoInternalTypes("dev.pearl.architecture.fixture.api").evaluate(fixture);
        String report = r.getFailureReport().toString();
        assertTrue(r.hasViolation(), "the leak in the fixture was not reported");
        assertTrue(report.contains("LeakyApi.pool()") && report.contains("LeakyApi.pools()"), report);
        assertTrue(!report.contains("hidden"), "a package-private member was reported: " + report);
    }
}
