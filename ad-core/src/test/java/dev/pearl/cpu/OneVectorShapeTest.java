package dev.pearl.cpu;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.pearl.cpu.gemm.Gemm;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every Vector API species the CPU backend holds (VectorMath's conversions, the GEMM kernels) has
 * the preferred shape. Two shapes of one element type (say 256- and 512-bit float vectors) make
 * the JDK's shared vector methods polymorphic, and C2 then leaves the GEMM kernels' loads, stores
 * and fmas as calls: every matmul ran about 30 times slower after one float32 elementwise op that
 * converted through a half-width float species.
 */
class OneVectorShapeTest {
    @Test
    void everySpeciesHasThePreferredShape() throws ReflectiveOperationException {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        List<String> seen = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.pearl.cpu")) {
            for (Field f : Class.forName(c.getName(), false, getClass().getClassLoader()).getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !VectorSpecies.class.isAssignableFrom(f.getType())) continue;
                f.setAccessible(true);
                VectorSpecies<?> s = (VectorSpecies<?>) f.get(null);
                seen.add(c.getSimpleName() + "." + f.getName());
                assertEquals(VectorShape.preferredShape(), s.vectorShape(), c.getName() + "." + f.getName() + " is " + s);
            }
        }
        assertFalse(seen.isEmpty(), "no species found: the test would check nothing");
        assertFalse(seen.stream().noneMatch(n -> n.startsWith("VectorMath.")), "VectorMath's species were not found: " + seen);
    }
}
