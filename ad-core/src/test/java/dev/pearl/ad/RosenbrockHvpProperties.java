package dev.pearl.ad;

import dev.pearl.Ops;
import dev.pearl.check.PearlArbitraries;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * AD.hvp of the n-dimensional Rosenbrock function, f(x) = Σ 100 (x[i+1] - x[i]²)² + (1 - x[i])²,
 * against its Hessian written out by hand, times v.
 */
class RosenbrockHvpProperties {

    /** x and v of the same length n in 2..6. */
    @Provide
    Arbitrary<double[][]> pointAndDirection() {
        return Arbitraries.integers().between(2, 6).flatMap(n -> Combinators.combine(
                PearlArbitraries.values(Shape.of(n), PearlArbitraries.uniform(-2, 2)),
                PearlArbitraries.values(Shape.of(n), PearlArbitraries.uniform(-1, 1))).as((x, v) -> new double[][]{x, v}));
    }

    @Property(tries = 40)
    void hvpEqualsTheClosedFormHessianTimesV(@ForAll("pointAndDirection") double[][] xv) {
        double[] x = xv[0], v = xv[1];
        double[] expected = multiply(hessian(x), v);
        TestBackends.forEach(b -> {
            int n = x.length;
            Tensor hv = AD.hvp(RosenbrockHvpProperties::rosenbrock, b.fromArray(x, Shape.of(n), DType.FLOAT64), b.fromArray(v, Shape.of(n), DType.FLOAT64));
            double[] actual = hv.toDoubleArray();
            for (int i = 0; i < n; i++)
                assertEquals(expected[i], actual[i], 1e-10 * (1 + Math.abs(expected[i])), "(H v)[" + i + "] at x=" + Arrays.toString(x));
        });
    }

    static Tensor rosenbrock(Tensor x) {
        int n = x.size();
        Tensor head = Ops.slice(x, 0, 0, n - 1), tail = Ops.slice(x, 0, 1, n);
        Tensor valley = Ops.mul(Ops.square(Ops.sub(tail, Ops.square(head))), 100);
        return Ops.sum(Ops.add(valley, Ops.square(Ops.sub(1, head))));
    }

    /** ∂²f: diagonal 1200 x[i]² - 400 x[i+1] + 2 (i < n-1) plus 200 (i > 0); off-diagonal -400 x[i]. */
    static double[][] hessian(double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n - 1; i++) {
            h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            h[i + 1][i + 1] += 200;
            h[i][i + 1] = h[i + 1][i] = -400 * x[i];
        }
        return h;
    }

    private static double[] multiply(double[][] a, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) for (int j = 0; j < v.length; j++) r[i] += a[i][j] * v[j];
        return r;
    }
}
