package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;

/** θ, RMSProp's running mean of squared gradients, and the step count. */
public record RmsPropState(Params parameters, Params meanSquare, int iteration) implements TrainingState {

    public RmsPropState {
        Objects.requireNonNull(parameters, "parameters");
        parameters.checkCompatible(meanSquare, "RMSProp state mean square");
        if (iteration < 0) throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
    }
}
