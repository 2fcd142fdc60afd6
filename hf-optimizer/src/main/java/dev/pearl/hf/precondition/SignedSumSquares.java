package dev.pearl.hf.precondition;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Vjp;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.nn.Loss;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Squared per-case gradients without per-case passes. With U = ∂L/∂z (row n holds ∇_z ℓ_n / N)
 * and signs s_n, the single backward pass g = Jᵀ(s ∘ U) = (1/N) Σ_n s_n ∇ℓ_n has
 * E[g ∘ g] = (1/N²) Σ_n ∇ℓ_n ∘ ∇ℓ_n when the s_n are independent random signs, since the cross
 * terms cancel. Draw k uses s_n = d_n·(−1)^popcount(k &amp; n): rows of a Sylvester-Hadamard matrix
 * with random column signs d. Each draw is unbiased, and when the number of draws is a power of two
 * at least N the Hadamard rows are orthogonal over the cases and the estimate is exact.
 *
 * <p>Cost: one forward pass and {@code draws} backward passes over the batch.
 */
public final class SignedSumSquares implements GradientSquares {
    /** The random-sign draws averaged, one backward pass each. */
    private final int draws;

    /**
     * An estimator averaging {@code draws} random-sign draws.
     *
     * @param draws the number of draws (backward passes), &gt;= 1
     * @throws IllegalArgumentException if draws is below 1
     */
    public SignedSumSquares(int draws) {
        if (draws < 1) throw new IllegalArgumentException("signed-sum draws must be >= 1, got " + draws);
        this.draws = draws;
    }

    /**
     * The number of draws.
     *
     * @return the draws per estimate
     */
    public int draws() {
        return draws;
    }

    @Override
    public Params meanSquares(Problem problem, Params theta, Batch batch, long seed) {
        problem.requireModel("signed-sum gradient squares");
        Vjp model = AD.vjp(p -> Params.of("z", problem.outputs().apply(p, batch.inputs())), theta);
        Tensor z = model.value().get(0);
        Tensor u = problem.outputGradient(z, batch.targets());
        int cases = Loss.cases(z);
        SplittableRandom random = new SplittableRandom(seed);
        double[] columnSigns = new double[cases];
        for (int n = 0; n < cases; n++) columnSigns[n] = random.nextBoolean() ? 1 : -1;

        Params sum = theta.zerosLike();
        for (int k = 0; k < draws; k++) {
            Params g = model.pullback(Params.of("z", Ops.mul(u, signs(u, columnSigns, k))));
            sum = sum.add(g.zip(g, Ops::mul));
        }
        return sum.scale((double) cases / draws);
    }

    /** The signs d_n·(−1)^popcount(k &amp; n), shaped [N, 1, ...] to broadcast over the rows of u. */
    private static Tensor signs(Tensor u, double[] columnSigns, int k) {
        double[] s = new double[columnSigns.length];
        for (int n = 0; n < s.length; n++) s[n] = (Integer.bitCount(k & n) % 2 == 0 ? 1 : -1) * columnSigns[n];
        int[] dims = new int[Math.max(u.rank(), 1)];
        Arrays.fill(dims, 1);
        dims[0] = s.length;
        Shape shape = u.rank() == 0 ? Shape.SCALAR : Shape.of(dims);
        return u.backend().fromArray(s, shape, u.dtype());
    }
}
