package dev.pearl.check;

import dev.pearl.Params;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Seeded random directions for the checks: N(0,1) float64 values drawn in Java (the same numbers
 * on every backend), placed on the backend of the tensor they are shaped like.
 */
public final class Directions {
    private Directions() {
    }

    /**
     * A direction shaped like {@code like}: same names and shapes, float64, same backends.
     *
     * @param like the tensors to take names, shapes and backends from
     * @param seed the random seed
     * @return a new float64 direction
     */
    public static Params normal(Params like, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return like.map(t -> normal(t, rng));
    }

    /**
     * A direction shaped like {@code like}: float64, on its backend.
     *
     * @param like the tensor to take the shape and backend from
     * @param seed the random seed
     * @return a new float64 tensor
     */
    public static Tensor normal(Tensor like, long seed) {
        return normal(like, new SplittableRandom(seed));
    }

    private static Tensor normal(Tensor like, SplittableRandom rng) {
        double[] v = new double[like.size()];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian();
        return like.backend().fromArray(v, like.shape(), DType.FLOAT64);
    }
}
