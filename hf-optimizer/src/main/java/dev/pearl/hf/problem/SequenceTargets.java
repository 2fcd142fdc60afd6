package dev.pearl.hf.problem;

import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * Where a sequence batch's targets are: targets [cases, steps, outputs] hold NaN at every output
 * of a (case, step) without a target. It keeps the rows of the flat [cases·steps, outputs] view
 * that carry a target and their targets, so that a loss reads them with one gather (and its
 * reverse is one scatter-add), whatever the number of steps: picking steps one slice at a time
 * would cost a full-size cotangent per step in reverse mode, quadratic in the sequence length.
 */
final class SequenceTargets {
    final int cases, steps, outputs;
    final DType dtype;
    /** Rows of the flat view with a target, or null when every row has one. */
    final Index rows;
    /** The targets of those rows, [rows, outputs]. */
    final Tensor targets;

    private SequenceTargets(int cases, int steps, int outputs, DType dtype, Index rows, Tensor targets) {
        this.cases = cases;
        this.steps = steps;
        this.outputs = outputs;
        this.dtype = dtype;
        this.rows = rows;
        this.targets = targets;
    }

    /** Number of (case, step) rows with a target. */
    int count() {
        return targets.dim(0);
    }

    static SequenceTargets of(Tensor targets, DType dtype, String loss) {
        if (targets.rank() != 3)
            throw new IllegalArgumentException(loss + ": sequence targets must be [cases, steps, outputs], got " + targets.shape());
        int n = targets.dim(0), steps = targets.dim(1), out = targets.dim(2);
        double[] y = targets.toDoubleArray();
        int[] rows = new int[n * steps];
        int k = 0;
        for (int c = 0; c < n; c++) {
            int perCase = 0;
            for (int t = 0; t < steps; t++) {
                int row = c * steps + t, finite = 0;
                for (int o = 0; o < out; o++) if (!Double.isNaN(y[row * out + o])) finite++;
                if (finite != 0 && finite != out)
                    throw new IllegalArgumentException(loss + ": case " + c + " step " + t + " has a target on only " + finite + " of its " + out + " outputs (NaN marks a step without target, on all outputs)");
                if (finite == out) {
                    rows[k++] = row;
                    perCase++;
                }
            }
            if (perCase == 0) throw new IllegalArgumentException(loss + ": case " + c + " has no target at any of its " + steps + " steps");
        }
        double[] selected = new double[k * out];
        for (int r = 0; r < k; r++) System.arraycopy(y, rows[r] * out, selected, r * out, out);
        Index index = k == n * steps ? null : Index.of(java.util.Arrays.copyOf(rows, k));
        return new SequenceTargets(n, steps, out, dtype, index, targets.backend().fromArray(selected, Shape.of(k, out), dtype));
    }
}
