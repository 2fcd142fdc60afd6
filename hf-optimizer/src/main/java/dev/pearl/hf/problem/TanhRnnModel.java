package dev.pearl.hf.problem;

import dev.pearl.Ops;
import dev.pearl.nn.TanhRnn;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TanhRnn} as a {@link StructuredModel} over case-major sequence batches: inputs
 * [cases, steps, inputs] (so that a {@link Batch} slices cases), outputs z [cases, steps, outputs]
 * at every step (for a {@link MaskedSequenceLoss}), and the hidden pre-activations of every step
 * declared structural with {@link StructuralLoss#tanhPreActivations()}.
 */
public final class TanhRnnModel {
    private TanhRnnModel() {
    }

    /**
     * The network as a structured model.
     *
     * @param net the network
     * @return the model; it rejects inputs that are not [cases, steps, inputs]
     */
    public static StructuredModel of(TanhRnn net) {
        return (theta, inputs) -> {
            if (inputs.rank() != 3)
                throw new IllegalArgumentException("TanhRnnModel expects inputs [cases, steps, inputs], got " + inputs.shape());
            int cases = inputs.dim(0), steps = inputs.dim(1);
            TanhRnn.Unrolled run = net.unroll(theta, Ops.transpose(inputs, 1, 0, 2));
            // One output product for all steps: rows are (step, case), then back to case-major.
            Tensor allStates = Ops.concat(run.states(), 0);
            Tensor z = Ops.reshape(net.output(theta, allStates), steps, cases, net.outputs());
            List<Structural> structural = new ArrayList<>(steps);
            for (Tensor a : run.preActivations()) structural.add(new Structural(a, StructuralLoss.tanhPreActivations()));
            return new StructuredOutputs(Ops.transpose(z, 1, 0, 2), structural);
        };
    }

    /**
     * The plain outputs (no structural values), for problems trained without structural damping.
     *
     * @param net the network
     * @return outputs z [cases, steps, outputs] for inputs [cases, steps, inputs]
     */
    public static ModelOutputs outputs(TanhRnn net) {
        StructuredModel model = of(net);
        return (theta, inputs) -> model.apply(theta, inputs).outputs();
    }

}
