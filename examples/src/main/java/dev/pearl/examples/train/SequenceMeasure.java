package dev.pearl.examples.train;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.examples.data.sequence.SequenceSet;
import dev.pearl.hf.problem.MaskedSequenceLoss;
import dev.pearl.hf.problem.ModelOutputs;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence model's measures on fixed generated sequences: the task's masked loss (no weight
 * cost) per sequence, and the error, the fraction of sequences not solved as the task defines it.
 * Sequences go through the model in slices, so memory stays bounded however many there are.
 */
final class SequenceMeasure implements SetMeasure {
    private final ModelOutputs model;
    private final MaskedSequenceLoss loss;
    private final SequenceSet set;
    private final int firstOutput;
    private final List<Tensor> inputs = new ArrayList<>(), targets = new ArrayList<>();

    SequenceMeasure(ModelOutputs model, int firstOutput, MaskedSequenceLoss loss, SequenceSet set, Backend backend, DType dtype) {
        this.model = model;
        this.firstOutput = firstOutput;
        this.loss = loss;
        this.set = set;
        Tensor allInputs = set.inputs(backend, dtype), allTargets = set.targets(backend, dtype, firstOutput);
        for (int from = 0; from < set.cases(); from += ReconstructionError.SLICE) {
            int to = Math.min(set.cases(), from + ReconstructionError.SLICE);
            inputs.add(Ops.slice(allInputs, 0, from, to));
            targets.add(Ops.slice(allTargets, 0, from, to));
        }
    }

    @Override
    public Measurement measure(Params theta) {
        double total = 0;
        List<Tensor> predictions = new ArrayList<>(inputs.size());
        for (int s = 0; s < inputs.size(); s++) {
            Tensor z = model.apply(theta, inputs.get(s));
            // The loss averages over its slice's sequences; weight it back to a sum.
            total += loss.value(z, targets.get(s)).item() * z.dim(0);
            predictions.add(loss.predict(z));
        }
        Tensor predicted = predictions.size() == 1 ? predictions.get(0) : Ops.concat(predictions, 0);
        return new Measurement(total / set.cases(), 1 - set.solvedFraction(predicted, firstOutput));
    }
}
