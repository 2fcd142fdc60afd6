package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;

/**
 * θ, the velocity and the step count. The epoch, the position in it and its shuffle all follow
 * from the step count and the seed, so these fields suffice to resume exactly.
 */
public record SgdState(Params parameters, Params velocity, int iteration) implements TrainingState {

    public SgdState {
        Objects.requireNonNull(parameters, "parameters");
        parameters.checkCompatible(velocity, "SGD state velocity");
        if (iteration < 0) throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
    }
}
