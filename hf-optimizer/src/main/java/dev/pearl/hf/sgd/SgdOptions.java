package dev.pearl.hf.sgd;

import dev.pearl.hf.train.SettingChecks;

import java.util.Objects;

/**
 * Settings of {@link MomentumSgd}; {@link #defaults()} is SGD with constant Nesterov momentum,
 * {@link #sutskever()} Nesterov momentum with Sutskever et al.'s (2013) rising schedule.
 *
 * @param learningRate ε (0.01)
 * @param momentum     μ_t (constant 0.9; {@link #sutskever()}: rising to 0.99)
 * @param nesterov     evaluate the gradient at θ + μv, Sutskever et al.'s form of Nesterov's method (true)
 * @param batchSize    cases per minibatch (100; at most the training set)
 * @param seed         base seed of the per-epoch shuffles (0)
 */
public record SgdOptions(double learningRate, MomentumSchedule momentum, boolean nesterov, int batchSize, long seed) {
    public static final double DEFAULT_LEARNING_RATE = 0.01, DEFAULT_MOMENTUM = 0.9, DEFAULT_MAX_MOMENTUM = 0.99;
    public static final int DEFAULT_BATCH_SIZE = 100;

    public SgdOptions {
        SettingChecks.positive("SGD learning rate", learningRate);
        Objects.requireNonNull(momentum, "momentum");
        SettingChecks.atLeast("SGD batch size", batchSize, 1);
    }

    public static SgdOptions defaults() {
        return new SgdOptions(DEFAULT_LEARNING_RATE, MomentumSchedule.constant(DEFAULT_MOMENTUM), true, DEFAULT_BATCH_SIZE, 0);
    }

    /** Nesterov momentum rising as Sutskever et al. (2013) prescribe, to μ_max = 0.99. */
    public static SgdOptions sutskever() {
        return defaults().withMomentum(MomentumSchedule.sutskever(DEFAULT_MAX_MOMENTUM));
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
