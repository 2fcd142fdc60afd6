package dev.pearl.examples.custom;

import dev.pearl.hf.problem.Batch;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * Two interleaved spirals in the plane, one per class (after Lang and Witbrock's 1988 benchmark):
 * a small problem that no linear model and few shallow ones separate. Class 0 winds out from the
 * centre, class 1 is the same spiral turned by half a revolution. Points lie within radius about
 * 1, with Gaussian noise; classes alternate case by case, so any contiguous chunk is balanced.
 */
public final class TwoSpirals {
    public static final double DEFAULT_TURNS = 1.5;
    public static final double DEFAULT_NOISE = 0.02;

    private TwoSpirals() {
    }

    /** {@code cases} points with one-hot targets [cases, 2]; deterministic by seed. */
    public static Batch generate(int cases, DType dtype, long seed) {
        return generate(cases, DEFAULT_TURNS, DEFAULT_NOISE, dtype, seed);
    }

    public static Batch generate(int cases, double turns, double noise, DType dtype, long seed) {
        if (cases < 1) throw new IllegalArgumentException("need at least one case, got " + cases);
        SplittableRandom random = new SplittableRandom(seed);
        double[] points = new double[2 * cases];
        double[] targets = new double[2 * cases];
        for (int n = 0; n < cases; n++) {
            int label = n % 2;
            // sqrt spreads the points evenly over the spiral's area rather than along its length.
            double t = Math.sqrt(random.nextDouble());
            double angle = 2 * Math.PI * turns * t + Math.PI * label;
            double radius = 0.1 + 0.9 * t;
            points[2 * n] = radius * Math.cos(angle) + noise * random.nextGaussian();
            points[2 * n + 1] = radius * Math.sin(angle) + noise * random.nextGaussian();
            targets[2 * n + label] = 1;
        }
        return Batch.of(Tensor.of(dtype, points, cases, 2), Tensor.of(dtype, targets, cases, 2));
    }
}
