package dev.pearl.hf.precondition;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

/**
 * Exact per-case gradients of up to {@code maxCases} evenly spaced cases (all of them when the
 * batch is no larger), one single-case gradient each. Works for any objective that averages over
 * cases; exact when maxCases >= N, a deterministic subsample otherwise.
 */
public final class SampledCaseSquares implements GradientSquares {
    /** The most cases whose gradients are computed. */
    private final int maxCases;

    /**
     * An estimator from up to {@code maxCases} cases.
     *
     * @param maxCases the most cases whose gradients are computed, &gt;= 1
     * @throws IllegalArgumentException if maxCases is below 1
     */
    public SampledCaseSquares(int maxCases) {
        if (maxCases < 1) throw new IllegalArgumentException("sampled cases must be >= 1, got " + maxCases);
        this.maxCases = maxCases;
    }

    /**
     * The most cases used.
     *
     * @return the cap
     */
    public int maxCases() {
        return maxCases;
    }

    @Override
    public Params meanSquares(Problem problem, Params theta, Batch batch, long seed) {
        int n = batch.size();
        int m = Math.min(maxCases, n);
        Params sum = theta.zerosLike();
        for (int j = 0; j < m; j++) {
            int row = (int) ((long) j * n / m);
            Batch one = batch.slice(row, row + 1);
            Params g = AD.grad(p -> problem.dataLoss(p, one), theta);
            sum = sum.add(g.zip(g, Ops::mul));
        }
        return sum.scale(1.0 / m);
    }
}
