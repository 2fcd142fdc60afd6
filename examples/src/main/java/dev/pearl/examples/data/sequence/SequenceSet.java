package dev.pearl.examples.data.sequence;

import dev.pearl.hf.problem.Batch;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * Generated sequences, case-major: inputs [cases, steps, inputs], targets [cases, steps, outputs]
 * with NaN at steps without a target (the mask {@link dev.pearl.hf.problem.MaskedSequenceLoss}
 * reads), the steps that judge success, and each sequence's length (later steps are padding:
 * zero inputs, no target).
 */
public final class SequenceSet {
    private final String task;
    private final OutputKind kind;
    private final int cases, steps, inputs, outputs;
    private final float[] inputValues, targetValues;
    private final boolean[] judged;
    private final int[] lengths;

    SequenceSet(String task, OutputKind kind, int cases, int steps, int inputs, int outputs, float[] inputValues, float[] targetValues,
                boolean[] judged, int[] lengths) {
        this.task = task;
        this.kind = kind;
        this.cases = cases;
        this.steps = steps;
        this.inputs = inputs;
        this.outputs = outputs;
        this.inputValues = inputValues;
        this.targetValues = targetValues;
        this.judged = judged;
        this.lengths = lengths;
    }

    public String task() {
        return task;
    }

    public OutputKind kind() {
        return kind;
    }

    public int cases() {
        return cases;
    }

    public int steps() {
        return steps;
    }

    public int length(int caseIndex) {
        return lengths[caseIndex];
    }

    public float input(int caseIndex, int step, int channel) {
        return inputValues[(caseIndex * steps + step) * inputs + channel];
    }

    /** NaN where the step has no target. */
    public float target(int caseIndex, int step, int output) {
        return targetValues[(caseIndex * steps + step) * outputs + output];
    }

    public boolean hasTarget(int caseIndex, int step) {
        return !Float.isNaN(target(caseIndex, step, 0));
    }

    public boolean judged(int caseIndex, int step) {
        return judged[caseIndex * steps + step];
    }

    public Tensor inputs(Backend backend, DType dtype) {
        return tensor(backend, dtype, inputValues, inputs);
    }

    public Tensor targets(Backend backend, DType dtype) {
        return tensor(backend, dtype, targetValues, outputs);
    }

    /**
     * The targets of steps {@code first} to the end, [cases, steps - first, outputs]: what a model
     * that produces outputs from step {@code first} on is compared with.
     *
     * @throws IllegalArgumentException if an earlier step carries a target (it would be lost)
     */
    public Tensor targets(Backend backend, DType dtype, int first) {
        checkFirstTargetStep(first);
        if (first == 0) return targets(backend, dtype);
        int kept = steps - first;
        float[] cut = new float[cases * kept * outputs];
        for (int n = 0; n < cases; n++)
            System.arraycopy(targetValues, (n * steps + first) * outputs, cut, n * kept * outputs, kept * outputs);
        return tensor(backend, dtype, cut, kept, outputs);
    }

    private void checkFirstTargetStep(int first) {
        if (first < 0 || first >= steps)
            throw new IllegalArgumentException(task + ": first target step " + first + " is outside the " + steps + " steps");
        for (int n = 0; n < cases; n++)
            for (int t = 0; t < first; t++)
                if (hasTarget(n, t))
                    throw new IllegalArgumentException(task + ": sequence " + n + " has a target at step " + t + ", before the first target step " + first);
    }

    public Batch toBatch(Backend backend, DType dtype) {
        return Batch.of(inputs(backend, dtype), targets(backend, dtype));
    }

    private Tensor tensor(Backend backend, DType dtype, float[] values, int width) {
        return tensor(backend, dtype, values, steps, width);
    }

    private Tensor tensor(Backend backend, DType dtype, float[] values, int stepCount, int width) {
        Shape shape = Shape.of(cases, stepCount, width);
        if (dtype == DType.FLOAT32) return backend.fromArray(values.clone(), shape, dtype);
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) d[i] = values[i];
        return backend.fromArray(d, shape, dtype);
    }

    /**
     * The fraction of sequences solved: every judged step's prediction (the loss's
     * {@code predict} of the outputs, shaped like the targets) solves its target.
     */
    public double solvedFraction(Tensor predictions) {
        return solvedFraction(predictions, 0);
    }

    /**
     * As {@link #solvedFraction(Tensor)} for predictions of steps {@code first} to the end,
     * [cases, steps - first, outputs] (see {@link #targets(Backend, DType, int)}).
     */
    public double solvedFraction(Tensor predictions, int first) {
        checkFirstTargetStep(first);
        int kept = steps - first;
        if (predictions.rank() != 3 || predictions.dim(0) != cases || predictions.dim(1) != kept || predictions.dim(2) != outputs)
            throw new IllegalArgumentException(task + ": predictions " + predictions.shape() + " do not match the targets [" + cases + ", " + kept + ", " + outputs + "]");
        float[] p = predictions.toFloatArray();
        int solved = 0;
        for (int n = 0; n < cases; n++) {
            boolean ok = true;
            for (int t = first; t < steps && ok; t++)
                if (judged(n, t)) ok = kind.solved(p, (n * kept + t - first) * outputs, targetValues, (n * steps + t) * outputs, outputs);
            if (ok) solved++;
        }
        return (double) solved / cases;
    }
}
