package dev.pearl.hf.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.pearl.architecture.PublicApi;
import org.junit.jupiter.api.Test;

/** Every hf-optimizer package is public API, and none of them shows an internal ad-core type (docs/public-api.md). */
class HfPublicApiTest {
    @Test
    void publicSignaturesShowNoInternalType() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.pearl.hf");
        String[] api = classes.stream().map(c -> c.getPackageName()).filter(p -> p.startsWith("dev.pearl.hf")).distinct().toArray(String[]::new);
        PublicApi.exposesNoInternalTypes(api).check(classes);
    }
}
