package dev.pearl.hf.problem;

import dev.pearl.tensor.Tensor;

import java.util.List;
import java.util.Objects;

/** A model's output pre-activations together with the intermediate values it declares structural. */
public record StructuredOutputs(Tensor outputs, List<Structural> structural) {
    public StructuredOutputs {
        Objects.requireNonNull(outputs, "outputs");
        structural = List.copyOf(structural);
    }
}
