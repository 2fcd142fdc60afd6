package dev.pearl.hf.lbfgs;

import dev.pearl.Params;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;

/**
 * θ, the curvature pairs, the gradient at θ on the batch it was taken on (the last line search
 * ends with it, so the next step on that batch needs no new one), the step count and the cases
 * evaluated so far.
 *
 * @param parameters      θ
 * @param history         the curvature pairs
 * @param gradient        ∇f at θ on batch {@code gradientBatch}; null when there is none to reuse
 * @param gradientBatch   the batch index of {@code gradient} (-1 when it is null)
 * @param iteration       steps taken
 * @param casesEvaluated  cases whose gradients were computed so far, line searches included
 */
public record LbfgsState(Params parameters, CurvaturePairs history, Gradient gradient, long gradientBatch, int iteration,
                         long casesEvaluated) implements TrainingState {

    /**
     * Checks the state.
     *
     * @param parameters      θ, not null
     * @param history         the curvature pairs, compatible with θ
     * @param gradient        null, or a gradient compatible with θ
     * @param gradientBatch   &gt;= 0 exactly when gradient is not null
     * @param iteration       &gt;= 0
     * @param casesEvaluated  &gt;= 0
     * @throws NullPointerException if parameters or history is null
     * @throws IllegalArgumentException naming the first value that does not fit
     */
    public LbfgsState {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(history, "history");
        if (!history.isEmpty()) parameters.checkCompatible(history.steps().get(0), "L-BFGS history");
        if (gradient != null) parameters.checkCompatible(gradient.gradient(), "L-BFGS gradient");
        if ((gradient == null) != (gradientBatch < 0))
            throw new IllegalArgumentException("an L-BFGS gradient needs its batch index and only it, got batch " + gradientBatch);
        if (iteration < 0) throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        if (casesEvaluated < 0) throw new IllegalArgumentException("cases evaluated must be >= 0, got " + casesEvaluated);
    }
}
