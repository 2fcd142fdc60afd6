package dev.pearl.ops;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every differentiable op of {@code Ops} with a generator of its applications in the op's smooth
 * domain ({@code OpCatalogCoverageTest} fails when an op of {@code Ops} is missing here).
 */
final class OpCatalog {
    static final List<OpCase> CASES = build();

    private OpCatalog() {
    }

    private static List<OpCase> build() {
        List<OpCase> all = new ArrayList<>();
        all.addAll(ElementwiseCases.all());
        all.addAll(BroadcastingCases.all());
        all.addAll(LayoutCases.all());
        all.addAll(ReductionCases.all());
        all.addAll(MatMulCases.all());
        all.addAll(IndexingCases.all());
        all.addAll(ConvolutionCases.all());
        return List.copyOf(all);
    }

    /** An application of any op, the op chosen uniformly. */
    static Arbitrary<OpInstance> anyInstance() {
        return Arbitraries.of(CASES).flatMap(OpCase::instances);
    }

    /** An application of one of the named ops (names without parameter types, e.g. "tanh"). */
    static Arbitrary<OpInstance> instancesOf(Set<String> names) {
        List<OpCase> chosen = CASES.stream().filter(c -> names.contains(c.signature().substring(0, c.signature().indexOf('(')))).toList();
        if (chosen.size() < names.size()) throw new IllegalArgumentException("unknown op among " + names);
        return Arbitraries.of(chosen).flatMap(OpCase::instances);
    }
}
