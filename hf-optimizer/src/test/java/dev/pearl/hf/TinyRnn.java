package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.MaskedSequenceLoss;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.TanhRnnModel;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.TanhRnn;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

/**
 * A 2-3-1 tanh RNN over 5 steps with squared error at one step per case (steps 2, 3 or 4, as
 * sequences of varying length), in float64, for exact comparisons.
 */
public final class TinyRnn {
    public static final TanhRnn NET = new TanhRnn(2, 3, 1);
    public static final int STEPS = 5;

    private TinyRnn() {
    }

    public static Problem structured() {
        return Problem.ofStructuredModel(TanhRnnModel.of(NET), MaskedSequenceLoss.squaredError()).withWeightCost(WeightCost.none());
    }

    public static Problem plain() {
        return Problem.ofModel(TanhRnnModel.outputs(NET), MaskedSequenceLoss.squaredError()).withWeightCost(WeightCost.none());
    }

    /** The outputs z [cases, steps, 1] at every step. */
    public static Tensor plainOutputs(Params theta, Tensor inputs) {
        return TanhRnnModel.outputs(NET).apply(theta, inputs);
    }

    public static Params theta(long seed) {
        return NET.init(Backends.defaultBackend(), DType.FLOAT64, seed)
                .map(t -> Ops.add(t, Ops.mul(Tensor.randomNormal(seed + t.size(), DType.FLOAT64, t.shape().dims()), 0.3)));
    }

    /** Case n has its target at step 2 + n % 3 and NaN elsewhere. */
    public static Batch data(int cases, long seed) {
        double[] y = Tensor.randomUniform(seed + 1, DType.FLOAT64, cases, STEPS, 1).toDoubleArray();
        for (int n = 0; n < cases; n++)
            for (int t = 0; t < STEPS; t++) if (t != targetStep(n)) y[n * STEPS + t] = Double.NaN;
        return Batch.of(Tensor.randomNormal(seed, DType.FLOAT64, cases, STEPS, 2), Tensor.of(y, cases, STEPS, 1));
    }

    public static int targetStep(int n) {
        return 2 + n % 3;
    }
}
