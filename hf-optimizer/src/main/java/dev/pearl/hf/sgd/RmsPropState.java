package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;

/**
 * θ, RMSProp's running mean of squared gradients, and the step count.
 *
 * @param parameters θ
 * @param meanSquare the running mean of squared gradients, compatible with θ
 * @param iteration  steps taken
 */
public record RmsPropState(Params parameters, Params meanSquare, int iteration) implements TrainingState {

    /**
     * Checks the state.
     *
     * @param parameters θ
     * @param meanSquare the running mean of squared gradients, compatible with θ
     * @param iteration  steps taken, &gt;= 0
     * @throws NullPointerException if parameters is null
     * @throws IllegalArgumentException if meanSquare does not fit θ or iteration is negative
     */
    public RmsPropState {
        Objects.requireNonNull(parameters, "parameters");
        parameters.checkCompatible(meanSquare, "RMSProp state mean square");
        if (iteration < 0) throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
    }
}
