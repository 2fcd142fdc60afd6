package dev.pearl.hf.problem;

import dev.pearl.Ops;
import dev.pearl.nn.TanhRnn;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TanhRnn} as a {@link StructuredModel} over case-major sequence batches: inputs
 * [cases, steps, inputs] (so that a {@link Batch} slices cases), outputs z [cases, steps, outputs]
 * at every step, or from a given step on (for a {@link MaskedSequenceLoss}), and the hidden pre-activations of every step
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
        return of(net, 0);
    }

    /**
     * The network as a structured model whose outputs start at step {@code firstOutput}: z is
     * [cases, steps - firstOutput, outputs]. A task whose targets all come late (addition's only
     * target is at a sequence's last step) then skips the output product and its tangents on the
     * steps before, which no loss would read.
     *
     * @param net the network
     * @param firstOutput the first step with an output, &gt;= 0
     * @return the model; it rejects inputs that are not [cases, steps &gt; firstOutput, inputs]
     * @throws IllegalArgumentException if firstOutput &lt; 0
     */
    public static StructuredModel of(TanhRnn net, int firstOutput) {
        if (firstOutput < 0) throw new IllegalArgumentException("TanhRnnModel: the first output step must be >= 0, got " + firstOutput);
        return (theta, inputs) -> {
            if (inputs.rank() != 3 || inputs.dim(1) <= firstOutput)
                throw new IllegalArgumentException("TanhRnnModel expects inputs [cases, steps > " + firstOutput + ", inputs], got " + inputs.shape());
            int cases = inputs.dim(0), steps = inputs.dim(1);
            TanhRnn.Unrolled run = net.unroll(theta, Ops.transpose(inputs, 1, 0, 2));
            // One output product for the steps with outputs: rows are (step, case), then back to case-major.
            List<Tensor> withOutputs = run.states().subList(firstOutput, steps);
            Tensor states = withOutputs.size() == 1 ? withOutputs.get(0) : Ops.concat(withOutputs, 0);
            Tensor z = Ops.reshape(net.output(theta, states), steps - firstOutput, cases, net.outputs());
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
        return outputs(net, 0);
    }

    /**
     * The plain outputs from step {@code firstOutput} on (see {@link #of(TanhRnn, int)}).
     *
     * @param net the network
     * @param firstOutput the first step with an output, &gt;= 0
     * @return outputs z [cases, steps - firstOutput, outputs] for inputs [cases, steps, inputs]
     * @throws IllegalArgumentException if firstOutput &lt; 0
     */
    public static ModelOutputs outputs(TanhRnn net, int firstOutput) {
        StructuredModel model = of(net, firstOutput);
        return (theta, inputs) -> model.apply(theta, inputs).outputs();
    }
}
