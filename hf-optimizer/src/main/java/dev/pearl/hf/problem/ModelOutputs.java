package dev.pearl.hf.problem;

import dev.pearl.Params;
import dev.pearl.tensor.Tensor;

/**
 * A model's output pre-activations z(θ, inputs), shaped [cases, ...], which a matching
 * {@link dev.pearl.nn.Loss} turns into predictions. {@code mlp::outputs} fits.
 */
@FunctionalInterface
public interface ModelOutputs {
    /**
     * Runs the model.
     *
     * @param theta the parameters
     * @param inputs the batch's inputs [cases, ...]
     * @return the output pre-activations z [cases, ...]
     */
    Tensor apply(Params theta, Tensor inputs);
}
