package dev.pearl.nn;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.SplittableRandom;

/** Weight initialisers for a [fanIn, fanOut] weight matrix; biases start at zero. */
@FunctionalInterface
public interface Init {
    /**
     * A weight matrix; the same seed gives the same weights.
     *
     * @param backend where it lives
     * @param dtype its element type
     * @param fanIn its rows: the inputs of each unit
     * @param fanOut its columns: the units
     * @param seed the random seed
     * @return a new [fanIn, fanOut] tensor
     */
    Tensor weights(Backend backend, DType dtype, int fanIn, int fanOut, long seed);

    /**
     * N(0, 1)/sqrt(fanIn) for every weight.
     *
     * @return the initialiser
     */
    static Init scaledNormal() {
        return (backend, dtype, fanIn, fanOut, seed) -> {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] w = new double[fanIn * fanOut];
            double s = 1 / Math.sqrt(fanIn);
            for (int i = 0; i < w.length; i++) w[i] = rng.nextGaussian() * s;
            return backend.fromArray(w, Shape.of(fanIn, fanOut), dtype);
        };
    }

    /**
     * Martens' (2010) sparse initialisation: each unit gets {@code k} nonzero incoming weights
     * drawn from N(0, 1) (all of them when fanIn ≤ k), so units start distinct without being
     * saturated by a large fan-in.
     *
     * @param k the number of nonzero incoming weights per unit
     * @return the initialiser
     */
    static Init sparse(int k) {
        return sparse(k, 1);
    }

    /**
     * As {@link #sparse(int)} with the nonzero weights drawn from N(0, scale²): the same draws, scaled.
     *
     * @param k the number of nonzero incoming weights per unit, &gt;= 1
     * @param scale the nonzero weights' standard deviation, finite and &gt; 0
     * @return the initialiser
     * @throws IllegalArgumentException if k is below 1 or scale is not finite and positive
     */
    static Init sparse(int k, double scale) {
        if (k < 1 || !(scale > 0) || Double.isInfinite(scale))
            throw new IllegalArgumentException("sparse init needs k >= 1 and a finite scale > 0, got k = " + k + ", scale = " + scale);
        return (backend, dtype, fanIn, fanOut, seed) -> {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] w = new double[fanIn * fanOut];
            int[] rows = new int[fanIn];
            for (int j = 0; j < fanOut; j++) {
                for (int i = 0; i < fanIn; i++) rows[i] = i;
                int n = Math.min(k, fanIn);
                for (int t = 0; t < n; t++) {
                    // Partial Fisher-Yates: the first n entries become a uniform sample of rows.
                    int r = t + rng.nextInt(fanIn - t);
                    int tmp = rows[t];
                    rows[t] = rows[r];
                    rows[r] = tmp;
                    w[rows[t] * fanOut + j] = rng.nextGaussian() * scale;
                }
            }
            return backend.fromArray(w, Shape.of(fanIn, fanOut), dtype);
        };
    }
}
