package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;

/**
 * θ, Adam's running means m (gradient) and v (squared gradient), and the step count t that the
 * bias corrections 1 − β^t need.
 */
public record AdamState(Params parameters, Params mean, Params meanSquare, int iteration) implements TrainingState {

    public AdamState {
        Objects.requireNonNull(parameters, "parameters");
        parameters.checkCompatible(mean, "Adam state mean");
        parameters.checkCompatible(meanSquare, "Adam state mean square");
        if (iteration < 0) throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
    }
}
