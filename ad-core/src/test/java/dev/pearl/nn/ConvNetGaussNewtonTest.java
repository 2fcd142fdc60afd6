package dev.pearl.nn;

import dev.pearl.Params;
import dev.pearl.check.Checker;
import dev.pearl.check.Directions;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.testing.TestBackends;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gauss-Newton products through a tiny convolutional net (conv, tanh, pooling, dense) and the
 * labelled softmax loss: equal to Jᵀ H_L J with J and H_L from central differences (no AD in
 * the reference), positive semi-definite along any direction, and symmetric.
 */
class ConvNetGaussNewtonTest {
    private static final Backend CPU = new dev.pearl.cpu.CpuBackend(2);
    private static final Loss LOSS = Losses.softmaxCrossEntropyWithLabels();

    /** Two 1x5x5 images through conv 3x3 (2 channels, padding 1), tanh, 2x2 pooling, dense 3. */
    private record Net(Sequential net, Params theta, Tensor x, Tensor labels) {
        static Net of(Backend b, boolean maxPool, long seed) {
            Sequential net = Sequential.of(Shape.of(1, 5, 5),
                    Conv2d.of(2, 3, ConvSpec.of(1, 1, 1)), Activation.TANH, maxPool ? Pool2d.max(2) : Pool2d.average(2),
                    Flatten.INSTANCE, Dense.of(3));
            Params theta = net.init(b, DType.FLOAT64, seed);
            Tensor x = b.randomNormal(Shape.of(2, 1, 5, 5), DType.FLOAT64, seed + 1);
            Tensor labels = b.fromArray(new double[]{seed % 3, (seed + 1) % 3}, Shape.of(2), DType.FLOAT64);
            return new Net(net, theta, x, labels);
        }

        Function<Params, Tensor> outputs() {
            return p -> net.outputs(p, x);
        }

        GaussNewton gaussNewton() {
            return GaussNewton.at(outputs(), LOSS, theta, labels);
        }
    }

    @Test
    void productEqualsTheExplicitJacobianForm() {
        for (boolean maxPool : new boolean[]{false, true}) {
            for (long seed = 1; seed <= 3; seed++) {
                Net c = Net.of(CPU, maxPool, seed);
                double[] theta = Flat.of(c.theta());
                int n = theta.length;
                double[] z0 = c.outputs().apply(Flat.params(c.theta(), theta, CPU)).toDoubleArray();
                int m = z0.length;
                double h = 1e-5;
                double[][] jac = new double[m][n];
                for (int j = 0; j < n; j++) {
                    double[] zp = c.outputs().apply(Flat.params(c.theta(), Flat.shifted(theta, j, h), CPU)).toDoubleArray();
                    double[] zm = c.outputs().apply(Flat.params(c.theta(), Flat.shifted(theta, j, -h), CPU)).toDoubleArray();
                    for (int i = 0; i < m; i++) jac[i][j] = (zp[i] - zm[i]) / (2 * h);
                }
                Shape zs = Shape.of(2, 3);
                Function<double[], Double> lossOfZ = z -> LOSS.value(CPU.fromArray(z, zs, DType.FLOAT64), c.labels()).item();
                double[][] hl = Flat.secondDifferences(lossOfZ, z0, 1e-4);
                double[] v = CPU.randomNormal(Shape.of(n), DType.FLOAT64, seed + 99).toDoubleArray();
                double[] expected = Flat.mulT(jac, Flat.mul(hl, Flat.mul(jac, v)));
                double[] actual = Flat.of(c.gaussNewton().apply(Flat.params(c.theta(), v, CPU)));
                double scale = 0;
                for (double e : expected) scale = Math.max(scale, Math.abs(e));
                for (int i = 0; i < n; i++)
                    assertEquals(expected[i], actual[i], 1e-5 * (1 + scale), (maxPool ? "max" : "average") + " pooling, seed " + seed + ": (Gv)[" + i + "]");
            }
        }
    }

    @Property(tries = 20)
    void curvatureIsNonNegativeAndSymmetricOnEveryBackend(@ForAll long seed, @ForAll boolean maxPool) {
        TestBackends.forEach(b -> {
            Net c = Net.of(b, maxPool, Math.floorMod(seed, 1000));
            GaussNewton gn = c.gaussNewton();
            Checker.defaults().positiveSemiDefinite("Gauss-Newton of a conv net", gn::apply, c.theta(), seed).assertOk();
            Checker.defaults().symmetric("Gauss-Newton of a conv net", gn::apply, Directions.normal(c.theta(), seed + 1), Directions.normal(c.theta(), seed)).assertOk();
        });
    }

    @Test
    void storedLossMatchesADirectEvaluation() {
        Net c = Net.of(CPU, true, 4);
        assertEquals(LOSS.value(c.net().outputs(c.theta(), c.x()), c.labels()).item(), c.gaussNewton().loss().item(), 1e-14);
        assertEquals(Shape.of(2, 3), c.gaussNewton().outputs().shape());
    }
}
