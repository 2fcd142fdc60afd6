package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;

/**
 * θ, Adam's running means m (gradient) and v (squared gradient), and the step count t that the
 * bias corrections 1 − β^t need.
 *
 * @param parameters θ
 * @param mean       m, compatible with θ
 * @param meanSquare v, compatible with θ
 * @param iteration  steps taken, t
 */
public record AdamState(Params parameters, Params mean, Params meanSquare, int iteration) implements TrainingState {

    /**
     * Checks the state.
     *
     * @param parameters θ
     * @param mean       m, compatible with θ
     * @param meanSquare v, compatible with θ
     * @param iteration  steps taken, &gt;= 0
     * @throws NullPointerException if parameters is null
     * @throws IllegalArgumentException if a mean does not fit θ or iteration is negative
     */
    public AdamState {
        Objects.requireNonNull(parameters, "parameters");
        parameters.checkCompatible(mean, "Adam state mean");
        parameters.checkCompatible(meanSquare, "Adam state mean square");
        if (iteration < 0) throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
    }
}
