package dev.pearl.hf;

import dev.pearl.Params;
import dev.pearl.hf.train.TrainingState;

import java.util.Objects;

/**
 * Everything {@link HessianFree} carries between iterations. It holds no generator state (random
 * draws are seeded from the iteration number), so saving these fields and stepping on from them
 * reproduces an uninterrupted run.
 *
 * @param parameters       θ
 * @param lambda           the damping λ for the next iteration
 * @param previousSolution the last CG solution, for the warm start; null when there is none
 * @param iteration        iterations completed
 * @param curvatureChunk   the curvature chunk the next iteration uses
 */
public record HfState(Params parameters, double lambda, Params previousSolution, int iteration, int curvatureChunk) implements TrainingState {

    /**
     * Checks the state.
     *
     * @param parameters       θ
     * @param lambda           λ, finite and &gt; 0
     * @param previousSolution null, or compatible with parameters
     * @param iteration        &gt;= 0
     * @param curvatureChunk   &gt;= 0
     * @throws NullPointerException if parameters is null
     * @throws IllegalArgumentException naming the first value out of range
     */
    public HfState {
        Objects.requireNonNull(parameters, "parameters");
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("λ must be finite and > 0, got " + lambda);
        if (previousSolution != null) parameters.checkCompatible(previousSolution, "HF state previous solution");
        if (iteration < 0) throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        if (curvatureChunk < 0) throw new IllegalArgumentException("curvature chunk must be >= 0, got " + curvatureChunk);
    }

    /**
     * Whether there is a CG solution to warm-start from.
     *
     * @return previousSolution() != null
     */
    public boolean hasPreviousSolution() {
        return previousSolution != null;
    }
}
