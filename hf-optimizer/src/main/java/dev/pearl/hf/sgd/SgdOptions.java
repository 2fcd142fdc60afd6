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
    /** The default ε. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The default constant μ. */
    public static final double DEFAULT_MOMENTUM = 0.9;
    /** μ_max of {@link #sutskever()}. */
    public static final double DEFAULT_MAX_MOMENTUM = 0.99;
    /** The default cases per minibatch, shared by Adam and RMSProp. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    /**
     * Checks the settings.
     *
     * @param learningRate ε, finite and &gt; 0
     * @param momentum     μ_t, not null
     * @param nesterov     whether to use Nesterov's form
     * @param batchSize    cases per minibatch, &gt;= 1
     * @param seed         base seed of the shuffles
     * @throws IllegalArgumentException if learningRate or batchSize is out of range
     * @throws NullPointerException if momentum is null
     */
    public SgdOptions {
        SettingChecks.positive("SGD learning rate", learningRate);
        Objects.requireNonNull(momentum, "momentum");
        SettingChecks.atLeast("SGD batch size", batchSize, 1);
    }

    /**
     * ε = 0.01, constant Nesterov momentum 0.9, minibatches of 100, seed 0.
     *
     * @return the defaults
     */
    public static SgdOptions defaults() {
        return new SgdOptions(DEFAULT_LEARNING_RATE, MomentumSchedule.constant(DEFAULT_MOMENTUM), true, DEFAULT_BATCH_SIZE, 0);
    }

    /**
     * Nesterov momentum rising as Sutskever et al. (2013) prescribe, to μ_max = 0.99.
     *
     * @return the defaults with the rising schedule
     */
    public static SgdOptions sutskever() {
        return defaults().withMomentum(MomentumSchedule.sutskever(DEFAULT_MAX_MOMENTUM));
    }

    /**
     * These settings with another learning rate.
     *
     * @param rate ε, finite and &gt; 0
     * @return new settings
     * @throws IllegalArgumentException if rate is out of range
     */
    public SgdOptions withLearningRate(double rate) {
        return new SgdOptions(rate, momentum, nesterov, batchSize, seed);
    }

    /**
     * These settings with another momentum schedule.
     *
     * @param schedule μ_t
     * @return new settings
     * @throws NullPointerException if schedule is null
     */
    public SgdOptions withMomentum(MomentumSchedule schedule) {
        return new SgdOptions(learningRate, schedule, nesterov, batchSize, seed);
    }

    /**
     * These settings with Nesterov's form on or off (off: classical momentum).
     *
     * @param on whether to evaluate the gradient at θ + μv
     * @return new settings
     */
    public SgdOptions withNesterov(boolean on) {
        return new SgdOptions(learningRate, momentum, on, batchSize, seed);
    }

    /**
     * These settings with another minibatch size.
     *
     * @param size cases per minibatch, &gt;= 1
     * @return new settings
     * @throws IllegalArgumentException if size is below 1
     */
    public SgdOptions withBatchSize(int size) {
        return new SgdOptions(learningRate, momentum, nesterov, size, seed);
    }

    /**
     * These settings with another shuffle seed.
     *
     * @param s base seed of the per-epoch shuffles
     * @return new settings
     */
    public SgdOptions withSeed(long s) {
        return new SgdOptions(learningRate, momentum, nesterov, batchSize, s);
    }
}
