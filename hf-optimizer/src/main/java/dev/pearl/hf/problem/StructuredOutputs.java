package dev.pearl.hf.problem;

import dev.pearl.tensor.Tensor;

import java.util.List;
import java.util.Objects;

/**
 * A model's output pre-activations together with the intermediate values it declares structural.
 *
 * @param outputs the output pre-activations z
 * @param structural the structurally damped values (copied; may be empty)
 */
public record StructuredOutputs(Tensor outputs, List<Structural> structural) {
    /**
     * Checks the outputs and copies the list.
     *
     * @param outputs the output pre-activations z, not null
     * @param structural the structurally damped values, not null
     * @throws NullPointerException if outputs or structural (or an element of it) is null
     */
    public StructuredOutputs {
        Objects.requireNonNull(outputs, "outputs");
        structural = List.copyOf(structural);
    }
}
