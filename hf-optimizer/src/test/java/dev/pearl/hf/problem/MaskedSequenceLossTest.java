package dev.pearl.hf.problem;

import dev.pearl.Ops;
import dev.pearl.ad.AD;
import dev.pearl.nn.Loss;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.pearl.hf.NumericAssertions.assertArrayClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MaskedSequenceLossTest {
    private static final int CASES = 4, STEPS = 3, OUTPUTS = 3;
    /** Case n's target steps: case 0 at the last step, case 1 at all steps, cases 2 and 3 at step 1. */
    private static final int[][] TARGET_STEPS = {{2}, {0, 1, 2}, {1}, {1}};

    private static Tensor targets(boolean oneHot) {
        double[] y = new double[CASES * STEPS * OUTPUTS];
        Arrays.fill(y, Double.NaN);
        double[] u = Tensor.randomUniform(11, DType.FLOAT64, y.length).toDoubleArray();
        for (int n = 0; n < CASES; n++)
            for (int t : TARGET_STEPS[n])
                for (int o = 0; o < OUTPUTS; o++) {
                    int i = (n * STEPS + t) * OUTPUTS + o;
                    y[i] = oneHot ? (o == (n + t) % OUTPUTS ? 1 : 0) : u[i];
                }
        return Tensor.of(y, CASES, STEPS, OUTPUTS);
    }

    private static final Tensor Z = Tensor.randomNormal(12, DType.FLOAT64, CASES, STEPS, OUTPUTS);

    /** The per-entry losses written out: ½(z−y)², softplus(z) − yz, and logsumexp − y·z per row. */
    private static double expected(String kind, Tensor targets) {
        double[] z = Z.toDoubleArray(), y = targets.toDoubleArray();
        double sum = 0;
        for (int n = 0; n < CASES; n++)
            for (int t : TARGET_STEPS[n]) {
                int row = (n * STEPS + t) * OUTPUTS;
                double max = Double.NEGATIVE_INFINITY, lse = 0, dot = 0;
                for (int o = 0; o < OUTPUTS; o++) max = Math.max(max, z[row + o]);
                for (int o = 0; o < OUTPUTS; o++) {
                    double zi = z[row + o], yi = y[row + o];
                    switch (kind) {
                        case "squared" -> sum += 0.5 * (zi - yi) * (zi - yi);
                        case "logistic" -> sum += Math.log1p(Math.exp(zi)) - yi * zi;
                        default -> {
                            lse += Math.exp(zi - max);
                            dot += yi * zi;
                        }
                    }
                }
                if (kind.equals("softmax")) sum += max + Math.log(lse) - dot;
            }
        return sum / CASES;
    }

    @Test
    void valueIsTheMaskedSumOverStepsAveragedOverCases() {
        assertEquals(expected("squared", targets(false)), MaskedSequenceLoss.squaredError().value(Z, targets(false)).item(), 1e-12);
        assertEquals(expected("logistic", targets(false)), MaskedSequenceLoss.logisticCrossEntropy().value(Z, targets(false)).item(), 1e-12);
        assertEquals(expected("softmax", targets(true)), MaskedSequenceLoss.softmaxCrossEntropy().value(Z, targets(true)).item(), 1e-12);
    }

    /** H_L v against the exact Hessian of the value in z (forward over reverse), for all three pairs. */
    @Test
    void hessianVectorIsTheHessianOfTheValue() {
        Tensor v = Tensor.randomNormal(13, DType.FLOAT64, CASES, STEPS, OUTPUTS);
        for (Loss loss : List.of(MaskedSequenceLoss.squaredError(), MaskedSequenceLoss.logisticCrossEntropy(), MaskedSequenceLoss.softmaxCrossEntropy())) {
            Tensor y = targets(loss.name().contains("softmax"));
            Tensor exact = AD.hvp(z -> loss.value(z, y), Z, v);
            assertArrayClose(exact.toDoubleArray(), loss.hessianVector(Z, y, v).toDoubleArray(), 1e-12);
        }
    }

    @Test
    void stepsWithoutTargetsGetNoGradient() {
        Tensor g = AD.grad(z -> MaskedSequenceLoss.squaredError().value(z, targets(false)), Z);
        double[] grad = g.toDoubleArray();
        for (int n = 0; n < CASES; n++)
            for (int t = 0; t < STEPS; t++) {
                boolean target = false;
                for (int s : TARGET_STEPS[n]) target |= s == t;
                if (!target) for (int o = 0; o < OUTPUTS; o++) assertEquals(0, grad[(n * STEPS + t) * OUTPUTS + o]);
            }
    }

    @Test
    void badTargetsAreNamed() {
        double[] y = targets(false).toDoubleArray();
        y[(2 * STEPS + 0) * OUTPUTS + 1] = 0.5; // case 2, step 0: one output of three
        var partial = assertThrows(IllegalArgumentException.class,
                () -> MaskedSequenceLoss.squaredError().value(Z, Tensor.of(y, CASES, STEPS, OUTPUTS)));
        assertEquals("masked sequence squared error: case 2 step 0 has a target on only 1 of its 3 outputs (NaN marks a step without target, on all outputs)",
                partial.getMessage());
        double[] none = targets(false).toDoubleArray();
        for (int t = 0; t < STEPS; t++) for (int o = 0; o < OUTPUTS; o++) none[(3 * STEPS + t) * OUTPUTS + o] = Double.NaN;
        var empty = assertThrows(IllegalArgumentException.class,
                () -> MaskedSequenceLoss.squaredError().value(Z, Tensor.of(none, CASES, STEPS, OUTPUTS)));
        assertEquals("masked sequence squared error: case 3 has no target at any of its 3 steps", empty.getMessage());
        var rank = assertThrows(IllegalArgumentException.class,
                () -> MaskedSequenceLoss.squaredError().value(Ops.reshape(Z, CASES, STEPS * OUTPUTS), Ops.reshape(targets(false), CASES, STEPS * OUTPUTS)));
        assertEquals("masked sequence squared error: sequence targets must be [cases, steps, outputs], got [4,9]", rank.getMessage());
    }
}
