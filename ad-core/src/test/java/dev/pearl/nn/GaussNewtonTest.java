package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.cpu.CpuBackend;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gauss-Newton products against G = Jᵀ H_L J assembled from explicit finite-difference
 * Jacobians and Hessians (float64, no AD involved in the reference), and vᵀ G v >= 0.
 */
class GaussNewtonTest {
    private static final Backend CPU = new CpuBackend(2);
    private static final double H = 1e-5;

    private static final List<Loss> LOSSES = List.of(Losses.logisticCrossEntropy(), Losses.softmaxCrossEntropy(), Losses.squaredError());

    /** A tiny 3-4-3 network on 2 cases with tanh hidden units. */
    private static final class Case {
        final Mlp net = new Mlp(new int[]{3, 4, 3}, new Activation[]{Activation.TANH, Activation.LINEAR});
        final Params theta;
        final Tensor x;
        final Tensor targets;
        final Loss loss;

        Case(long seed, Loss loss) {
            this.loss = loss;
            theta = net.init(Init.scaledNormal(), CPU, DType.FLOAT64, seed).map(t -> Ops.add(t, Ops.mul(CPU.randomNormal(t.shape(), DType.FLOAT64, seed + t.size()), 0.3)));
            x = CPU.randomNormal(Shape.of(2, 3), DType.FLOAT64, seed + 7);
            Tensor u = CPU.randomUniform(Shape.of(2, 3), DType.FLOAT64, seed + 8, 0, 1);
            // Softmax targets must be distributions; the others take values in [0, 1].
            targets = loss.name().startsWith("softmax") ? Ops.div(u, Ops.reshape(Ops.sum(u, new int[]{1}), 2, 1)) : u;
        }

        Function<Params, Tensor> outputs() {
            return p -> net.outputs(p, x);
        }
    }

    @Property(tries = 12)
    void productEqualsExplicitJacobianForm(@ForAll @IntRange(min = 1, max = 1000) int seed, @ForAll @IntRange(min = 0, max = 2) int lossIndex) {
        Case c = new Case(seed, LOSSES.get(lossIndex));
        double[] theta = Flat.of(c.theta);
        int n = theta.length;
        double[] z0 = c.outputs().apply(Flat.params(c.theta, theta, CPU)).toDoubleArray();
        int m = z0.length;
        // J by central differences of the outputs.
        double[][] jac = new double[m][n];
        for (int j = 0; j < n; j++) {
            double[] zp = c.outputs().apply(Flat.params(c.theta, Flat.shifted(theta, j, H), CPU)).toDoubleArray();
            double[] zm = c.outputs().apply(Flat.params(c.theta, Flat.shifted(theta, j, -H), CPU)).toDoubleArray();
            for (int i = 0; i < m; i++) jac[i][j] = (zp[i] - zm[i]) / (2 * H);
        }
        // H_L by second differences of the loss in z.
        Shape zs = Shape.of(2, 3);
        Function<double[], Double> lossOfZ = z -> c.loss.value(CPU.fromArray(z, zs, DType.FLOAT64), c.targets).item();
        double[][] hl = Flat.secondDifferences(lossOfZ, z0, 1e-4);
        double[] v = CPU.randomNormal(Shape.of(n), DType.FLOAT64, seed + 99).toDoubleArray();
        double[] expected = Flat.mulT(jac, Flat.mul(hl, Flat.mul(jac, v)));
        double[] actual = Flat.of(GaussNewton.gnvp(c.outputs(), c.loss, c.theta, c.targets, Flat.params(c.theta, v, CPU)));
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < n; i++)
            assertEquals(expected[i], actual[i], 1e-5 * (1 + scale), c.loss.name() + ": (Gv)[" + i + "]");
    }

    @Property(tries = 20)
    void curvatureAlongAnyDirectionIsNonNegative(@ForAll @IntRange(min = 1, max = 100000) int seed, @ForAll @IntRange(min = 0, max = 2) int lossIndex) {
        Case c = new Case(seed, LOSSES.get(lossIndex));
        GaussNewton gn = GaussNewton.at(c.outputs(), c.loss, c.theta, c.targets);
        Params v = c.theta.map(t -> CPU.randomNormal(t.shape(), DType.FLOAT64, seed * 31L + t.size()));
        double vgv = v.dot(gn.apply(v));
        assertTrue(vgv >= -1e-12 * v.dot(v), c.loss.name() + ": vᵀGv = " + vgv + " < 0");
    }

    @Test
    void productIsSymmetric() {
        for (Loss loss : LOSSES) {
            Case c = new Case(5, loss);
            GaussNewton gn = GaussNewton.at(c.outputs(), loss, c.theta, c.targets);
            Params u = c.theta.map(t -> CPU.randomNormal(t.shape(), DType.FLOAT64, 11 + t.size()));
            Params v = c.theta.map(t -> CPU.randomNormal(t.shape(), DType.FLOAT64, 12 + t.size()));
            double uGv = u.dot(gn.apply(v)), vGu = v.dot(gn.apply(u));
            assertEquals(uGv, vGu, 1e-10 * (1 + Math.abs(uGv)), loss.name());
        }
    }

    @Test
    void storedLossMatchesADirectEvaluation() {
        for (Loss loss : LOSSES) {
            Case c = new Case(3, loss);
            GaussNewton gn = GaussNewton.at(c.outputs(), loss, c.theta, c.targets);
            double direct = loss.value(c.net.outputs(c.theta, c.x), c.targets).item();
            assertEquals(direct, gn.loss().item(), 1e-12, loss.name());
        }
    }
}
