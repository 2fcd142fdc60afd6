package dev.pearl.hf.problem;

import dev.pearl.Params;
import dev.pearl.tensor.Tensor;

/**
 * A model that returns its outputs z(θ, inputs) and the intermediate values s(θ, inputs) it wants
 * structurally damped. Any model can be one: structural damping needs nothing else from it.
 */
@FunctionalInterface
public interface StructuredModel {
    /**
     * Runs the model.
     *
     * @param theta the parameters
     * @param inputs the batch's inputs [cases, ...]
     * @return the outputs z and the structural values
     */
    StructuredOutputs apply(Params theta, Tensor inputs);
}
