package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;

/**
 * θ, the velocity and the step count. The epoch, the position in it and its shuffle all follow
 * from the step count and the seed, so these fields suffice to resume exactly.
 *
 * @param parameters θ
 * @param velocity   v, compatible with θ
 * @param iteration  steps taken
 */
public record SgdState(Params parameters, Params velocity, int iteration) implements TrainingState {

    /**
     * Checks the state.
     *
     * @param parameters θ
     * @param velocity   v, compatible with θ
     * @param iteration  steps taken, &gt;= 0
     * @throws NullPointerException if parameters is null
     * @throws IllegalArgumentException if velocity does not fit θ or iteration is negative
     */
    public SgdState {
        Objects.requireNonNull(parameters, "parameters");
        parameters.checkCompatible(velocity, "SGD state velocity");
        if (iteration < 0) throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
    }
}
