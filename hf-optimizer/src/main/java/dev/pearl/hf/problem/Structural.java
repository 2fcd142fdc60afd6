package dev.pearl.hf.problem;

import java.util.Objects;

import dev.pearl.tensor.Tensor;

/**
 * An intermediate value s(θ) of a model that structural damping keeps from changing much in one
 * step (for a recurrent net: its hidden units at every step), with the loss that measures the change.
 */
public record Structural(Tensor value, StructuralLoss loss) {
    public Structural {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(loss, "loss");
    }
}
