package dev.pearl.ops;

import dev.pearl.check.PearlArbitraries;
import dev.pearl.tensor.Shape;
import dev.pearl.testing.HostTensor;
import net.jqwik.api.Arbitrary;

import java.util.Arrays;

/** Where an op's inputs are drawn from: its smooth domain, away from kinks, poles and ties. */
record Domain(String name, Arbitrary<Double> elements) {
    static final Domain ANY = new Domain("[-2,2]", PearlArbitraries.uniform(-2, 2));
    static final Domain WIDE = new Domain("[-3,3]", PearlArbitraries.uniform(-3, 3));
    static final Domain POSITIVE = new Domain("[0.5,2.5]", PearlArbitraries.uniform(0.5, 2.5));
    /** For log1p: x > -1 with room. */
    static final Domain ABOVE_MINUS_ONE = new Domain("[-0.5,2]", PearlArbitraries.uniform(-0.5, 2));
    /** For relu, abs, step, sign (kinks at 0) and divisors (pole at 0). */
    static final Domain AWAY_FROM_ZERO = new Domain("±[0.25,2]", PearlArbitraries.awayFromZero(0.25, 2));
    /** Two disjoint ranges, so that comparisons between them never flip under small steps. */
    static final Domain HIGH = new Domain("[0.5,2]", PearlArbitraries.uniform(0.5, 2));
    static final Domain LOW = new Domain("[-2,-0.5]", PearlArbitraries.uniform(-2, -0.5));

    Arbitrary<HostTensor> tensor(Shape shape) {
        return PearlArbitraries.values(shape, elements).map(v -> new HostTensor(shape, v));
    }

    /** Tensors with no two equal elements (max routes its derivative to a unique maximum). */
    Arbitrary<HostTensor> tieFreeTensor(Shape shape) {
        return tensor(shape).filter(Domain::allDistinct);
    }

    private static boolean allDistinct(HostTensor t) {
        double[] v = t.values().clone();
        Arrays.sort(v);
        for (int i = 1; i < v.length; i++) if (v[i] - v[i - 1] < 1e-3) return false;
        return true;
    }
}
