package dev.pearl.hf.problem;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a sequence batch's targets are: targets [cases, steps, outputs] hold NaN at every output
 * of a (case, step) without a target. Per step it keeps the cases with a target, their targets,
 * and a 0/1 selection matrix picking their rows (null when every case has one).
 */
final class SequenceTargets {
    record Step(int step, int[] cases, Tensor targets, Tensor selection) {
    }

    final int cases, steps, outputs;
    final DType dtype;
    final Step[] withTargets;

    private SequenceTargets(int cases, int steps, int outputs, DType dtype, Step[] withTargets) {
        this.dtype = dtype;
        this.cases = cases;
        this.steps = steps;
        this.outputs = outputs;
        this.withTargets = withTargets;
    }

    static SequenceTargets of(Tensor targets, DType dtype, String loss) {
        if (targets.rank() != 3)
            throw new IllegalArgumentException(loss + ": sequence targets must be [cases, steps, outputs], got " + targets.shape());
        int n = targets.dim(0), steps = targets.dim(1), out = targets.dim(2);
        double[] y = targets.toDoubleArray();
        boolean[][] has = new boolean[steps][n];
        int[] perCase = new int[n];
        for (int c = 0; c < n; c++)
            for (int t = 0; t < steps; t++) {
                int base = (c * steps + t) * out, finite = 0;
                for (int o = 0; o < out; o++) if (!Double.isNaN(y[base + o])) finite++;
                if (finite != 0 && finite != out)
                    throw new IllegalArgumentException(loss + ": case " + c + " step " + t + " has a target on only " + finite + " of its " + out + " outputs (NaN marks a step without target, on all outputs)");
                has[t][c] = finite == out;
                if (finite == out) perCase[c]++;
            }
        for (int c = 0; c < n; c++)
            if (perCase[c] == 0) throw new IllegalArgumentException(loss + ": case " + c + " has no target at any of its " + steps + " steps");
        List<Step> list = new ArrayList<>();
        Backend backend = targets.backend();
        for (int t = 0; t < steps; t++) {
            int k = 0;
            for (int c = 0; c < n; c++) if (has[t][c]) k++;
            if (k == 0) continue;
            int[] rows = new int[k];
            double[] selected = new double[k * out];
            double[] selection = k == n ? null : new double[k * n];
            for (int c = 0, r = 0; c < n; c++) {
                if (!has[t][c]) continue;
                rows[r] = c;
                System.arraycopy(y, (c * steps + t) * out, selected, r * out, out);
                if (selection != null) selection[r * n + c] = 1;
                r++;
            }
            list.add(new Step(t, rows, backend.fromArray(selected, Shape.of(k, out), dtype),
                    selection == null ? null : backend.fromArray(selection, Shape.of(k, n), dtype)));
        }
        return new SequenceTargets(n, steps, out, dtype, list.toArray(Step[]::new));
    }
}
