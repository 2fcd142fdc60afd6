package dev.pearl.ops;

import dev.pearl.Ops;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keeps the op catalog complete: every public op of {@code Ops} is checked somewhere. */
class OpCatalogCoverageTest {
    /** Ops without derivative rules to check (constants), or checked by a dedicated test. */
    private static final Set<String> ELSEWHERE = Set.of(
            "zeros(Shape,DType,Backend)", "full(Shape,DType,Backend,double)", "zerosLike(Tensor)", "onesLike(Tensor)", "scalarLike(Tensor,double)",
            "stopGradient(Tensor)"); // StopGradientProperties: its derivative differs from the function's by design

    @Test
    void everyOpHasACaseAndEveryCaseNamesAnOp() {
        Set<String> ops = Arrays.stream(Ops.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(OpCatalogCoverageTest::signature)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> cases = OpCatalog.CASES.stream().map(OpCase::signature).collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(ops);
        missing.removeAll(cases);
        missing.removeAll(ELSEWHERE);
        assertEquals(Set.of(), missing, "ops of Ops without a case in OpCatalog");

        Set<String> unknown = new TreeSet<>(cases);
        unknown.removeAll(ops);
        assertEquals(Set.of(), unknown, "cases naming no method of Ops");
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
    }
}
