package dev.pearl.gpu;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.pearl.architecture.PublicApi;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * ad-gpu's public classes show no internal ad-core type, and none of Aparapi's: the kernels and
 * the device code stay package-private, so the backend can change them (docs/public-api.md).
 */
class GpuPublicApiTest {
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.pearl.gpu");

    @Test
    void publicSignaturesShowNoInternalOrAparapiType() {
        PublicApi.exposesNo(PublicApi.INTERNAL_TYPES.or(resideInAPackage("com.aparapi..")), "dev.pearl.gpu").check(MAIN);
    }

    @Test
    void noPublicClassIsAnAparapiKernel() {
        noClasses().that().arePublic().should().beAssignableTo(com.aparapi.Kernel.class).check(MAIN);
    }
}
