package dev.pearl.examples.data.sequence;

import dev.pearl.hf.problem.MaskedSequenceLoss;

/**
 * How a task's outputs are read: the matching loss and when one target step counts as solved
 * (Martens &amp; Sutskever 2011: within 0.04 for real values, the right side of 0.5 for bits, the
 * argmax for classes).
 */
public enum OutputKind {
    /** Linear outputs, squared error; solved when |prediction − target| < 0.04. */
    REAL {
        @Override
        public MaskedSequenceLoss loss() {
            return MaskedSequenceLoss.squaredError();
        }

        @Override
        boolean solved(float[] predicted, float[] target, int at, int width) {
            for (int i = at; i < at + width; i++) if (!(Math.abs(predicted[i] - target[i]) < TOLERANCE)) return false;
            return true;
        }
    },
    /** Logistic outputs, cross-entropy; solved when the prediction lies on the target's side of 0.5. */
    BINARY {
        @Override
        public MaskedSequenceLoss loss() {
            return MaskedSequenceLoss.logisticCrossEntropy();
        }

        @Override
        boolean solved(float[] predicted, float[] target, int at, int width) {
            for (int i = at; i < at + width; i++) if ((predicted[i] > 0.5f) != (target[i] > 0.5f)) return false;
            return true;
        }
    },
    /** Softmax outputs, cross-entropy against one-hot targets; solved when the argmax is the target class. */
    CLASSES {
        @Override
        public MaskedSequenceLoss loss() {
            return MaskedSequenceLoss.softmaxCrossEntropy();
        }

        @Override
        boolean solved(float[] predicted, float[] target, int at, int width) {
            int best = at;
            for (int i = at + 1; i < at + width; i++) if (predicted[i] > predicted[best]) best = i;
            return target[best] == 1f;
        }
    };

    /** The real-valued tasks' success threshold. */
    public static final double TOLERANCE = 0.04;

    public abstract MaskedSequenceLoss loss();

    /** Whether the predictions at [at, at + width) solve the target there. */
    abstract boolean solved(float[] predicted, float[] target, int at, int width);
}
