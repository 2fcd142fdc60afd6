package dev.pearl.hf.problem;

import java.util.Objects;

import dev.pearl.tensor.Tensor;

/**
 * An intermediate value s(θ) of a model that structural damping keeps from changing much in one
 * step (for a recurrent net: its hidden units at every step), with the loss that measures the change.
 *
 * @param value s(θ), computed by the model at θ
 * @param loss the loss that measures s's change
 */
public record Structural(Tensor value, StructuralLoss loss) {
    /**
     * Checks that both parts are present.
     *
     * @param value s(θ)
     * @param loss the loss that measures s's change
     * @throws NullPointerException if either is null
     */
    public Structural {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(loss, "loss");
    }
}
