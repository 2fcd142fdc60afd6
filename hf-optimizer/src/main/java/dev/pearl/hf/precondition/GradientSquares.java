package dev.pearl.hf.precondition;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

import java.io.Serializable;

/**
 * Estimates the per-case mean of squared per-case gradients of the data loss,
 * (1/N) Σ_n ∇ℓ_n ∘ ∇ℓ_n: the diagonal of the empirical Fisher, on the same per-case scale as the
 * Gauss-Newton matrix and λ. Serializable, so that shards on other machines can run it.
 */
public interface GradientSquares extends Serializable {
    /**
     * The estimate at θ on a batch.
     *
     * @param problem the problem
     * @param theta the point
     * @param batch the cases
     * @param seed the seed of any random draws
     * @return (1/N) Σ_n ∇ℓ_n ∘ ∇ℓ_n, compatible with θ
     */
    Params meanSquares(Problem problem, Params theta, Batch batch, long seed);

    /**
     * Random-sign sums of per-case gradients (models only); see {@link SignedSumSquares}.
     *
     * @param draws the number of random-sign draws, &gt;= 1
     * @return the estimator
     * @throws IllegalArgumentException if draws is below 1
     */
    static GradientSquares signedSums(int draws) {
        return new SignedSumSquares(draws);
    }

    /**
     * Exact per-case gradients of up to {@code maxCases} evenly spaced cases; see {@link SampledCaseSquares}.
     *
     * @param maxCases the most cases used, &gt;= 1
     * @return the estimator
     * @throws IllegalArgumentException if maxCases is below 1
     */
    static GradientSquares sampledCases(int maxCases) {
        return new SampledCaseSquares(maxCases);
    }

    /**
     * {@code signedSums(4)} for a model given as outputs + loss, {@code sampledCases(16)} otherwise.
     *
     * @return the estimator
     */
    static GradientSquares automatic() {
        return (problem, theta, batch, seed) -> (problem.isModel() ? signedSums(4) : sampledCases(16)).meanSquares(problem, theta, batch, seed);
    }
}
