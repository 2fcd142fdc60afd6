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

    public Batch toBatch(Backend backend, DType dtype) {
        return Batch.of(inputs(backend, dtype), targets(backend, dtype));
    }

    private Tensor tensor(Backend backend, DType dtype, float[] values, int width) {
        Shape shape = Shape.of(cases, steps, width);
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
        if (predictions.rank() != 3 || predictions.dim(0) != cases || predictions.dim(1) != steps || predictions.dim(2) != outputs)
            throw new IllegalArgumentException(task + ": predictions " + predictions.shape() + " do not match the targets [" + cases + ", " + steps + ", " + outputs + "]");
        float[] p = predictions.toFloatArray();
        int solved = 0;
        for (int n = 0; n < cases; n++) {
            boolean ok = true;
            for (int t = 0; t < steps && ok; t++)
                if (judged(n, t)) ok = kind.solved(p, targetValues, (n * steps + t) * outputs, outputs);
            if (ok) solved++;
        }
        return (double) solved / cases;
    }
}
