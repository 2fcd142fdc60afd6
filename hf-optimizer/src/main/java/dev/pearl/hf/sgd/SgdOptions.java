package dev.pearl.hf.sgd;

import java.util.Objects;

/**
 * Settings of {@link MomentumSgd}.
 *
 * @param learningRate ε (0.01)
 * @param momentum     μ_t (constant 0.9)
 * @param nesterov     evaluate the gradient at θ + μv, Sutskever et al.'s form of Nesterov's method (true)
 * @param batchSize    cases per minibatch (100)
 * @param seed         base seed of the per-epoch shuffles (0)
 */
public record SgdOptions(double learningRate, MomentumSchedule momentum, boolean nesterov, int batchSize, long seed) {

    public SgdOptions {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        Objects.requireNonNull(momentum, "momentum");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }

    public static SgdOptions defaults() {
        return new SgdOptions(0.01, MomentumSchedule.constant(0.9), true, 100, 0);
    }

    public SgdOptions withLearningRate(double rate) {
        return new SgdOptions(rate, momentum, nesterov, batchSize, seed);
    }

    public SgdOptions withMomentum(MomentumSchedule schedule) {
        return new SgdOptions(learningRate, schedule, nesterov, batchSize, seed);
    }

    public SgdOptions withNesterov(boolean on) {
        return new SgdOptions(learningRate, momentum, on, batchSize, seed);
    }

    public SgdOptions withBatchSize(int size) {
        return new SgdOptions(learningRate, momentum, nesterov, size, seed);
    }

    public SgdOptions withSeed(long s) {
        return new SgdOptions(learningRate, momentum, nesterov, batchSize, s);
    }
}
