package dev.pearl.examples.train;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.problem.ModelOutputs;
import dev.pearl.nn.Loss;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A classifier's measures on a fixed set of labelled cases: the loss (softmax cross-entropy, no
 * weight cost) and the error, the fraction of cases whose highest class score is not their
 * label; the confusion matrix of the last measurement is kept for the run's picture. Cases go
 * through the model in slices, so memory stays bounded however many there are.
 */
final class ClassificationError implements SetMeasure {
    private final ModelOutputs model;
    private final Loss loss;
    private final int classes;
    private final List<Tensor> inputs = new ArrayList<>(), targets = new ArrayList<>();
    private final List<int[]> labels = new ArrayList<>();
    private final int cases;
    private long[][] confusion;

    /** The first {@code cases} rows of inputs, labelled by {@code labels} (also as {@code labelTensor}, on the model's backend). */
    ClassificationError(ModelOutputs model, Loss loss, int classes, Tensor inputs, Tensor labelTensor, int[] labels, int cases) {
        this.model = model;
        this.loss = loss;
        this.classes = classes;
        this.cases = cases;
        for (int from = 0; from < cases; from += ReconstructionError.SLICE) {
            int to = Math.min(cases, from + ReconstructionError.SLICE);
            this.inputs.add(Ops.slice(inputs, 0, from, to));
            this.targets.add(Ops.slice(labelTensor, 0, from, to));
            this.labels.add(Arrays.copyOfRange(labels, from, to));
        }
    }

    @Override
    public Measurement measure(Params theta) {
        double total = 0;
        long[][] counts = new long[classes][classes];
        for (int s = 0; s < inputs.size(); s++) {
            Tensor z = model.apply(theta, inputs.get(s));
            // The loss averages over its slice; weight it back to a sum.
            total += loss.value(z, targets.get(s)).item() * z.dim(0);
            double[] scores = z.toDoubleArray();
            int[] truth = labels.get(s);
            for (int i = 0; i < truth.length; i++) counts[truth[i]][highest(scores, i * classes, classes)]++;
        }
        long right = 0;
        for (int c = 0; c < classes; c++) right += counts[c][c];
        confusion = counts;
        return new Measurement(total / cases, 1 - (double) right / cases);
    }

    /** counts[label][predicted class] of the last {@link #measure}; null before it. */
    long[][] confusion() {
        return confusion;
    }

    /** The index of the largest of scores[from .. from + count) relative to from; the first one on ties. */
    private static int highest(double[] scores, int from, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) if (scores[from + k] > scores[from + best]) best = k;
        return best;
    }
}
