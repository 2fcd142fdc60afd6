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
        boolean solved(float[] predicted, int p, float[] target, int t, int width) {
            for (int i = 0; i < width; i++) if (!(Math.abs(predicted[p + i] - target[t + i]) < TOLERANCE)) return false;
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
        boolean solved(float[] predicted, int p, float[] target, int t, int width) {
            for (int i = 0; i < width; i++) if ((predicted[p + i] > 0.5f) != (target[t + i] > 0.5f)) return false;
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
        boolean solved(float[] predicted, int p, float[] target, int t, int width) {
            int best = 0;
            for (int i = 1; i < width; i++) if (predicted[p + i] > predicted[p + best]) best = i;
            return target[t + best] == 1f;
        }
    };

    /** The real-valued tasks' success threshold. */
    public static final double TOLERANCE = 0.04;

    public abstract MaskedSequenceLoss loss();

    /** Whether the predictions at [p, p + width) solve the target at [t, t + width). */
    abstract boolean solved(float[] predicted, int p, float[] target, int t, int width);
}
