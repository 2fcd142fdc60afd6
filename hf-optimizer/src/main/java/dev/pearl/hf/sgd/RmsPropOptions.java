package dev.pearl.hf.sgd;

import dev.pearl.hf.train.SettingChecks;

/**
 * Settings of {@link RmsProp}; the decay is Tieleman &amp; Hinton's (2012) 0.9.
 *
 * @param learningRate ε (0.001)
 * @param decay        decay of the squared gradient's running mean (0.9)
 * @param epsilon      δ added to the root mean square (1e-8)
 * @param batchSize    cases per minibatch (100; at most the training set)
 * @param seed         base seed of the per-epoch shuffles (0)
 */
public record RmsPropOptions(double learningRate, double decay, double epsilon, int batchSize, long seed) {
    /**
     * Checks the settings.
     *
     * @param learningRate ε, finite and &gt; 0
     * @param decay        in [0, 1)
     * @param epsilon      δ, finite and &gt; 0
     * @param batchSize    cases per minibatch, &gt;= 1
     * @param seed         base seed of the shuffles
     * @throws IllegalArgumentException naming the first value out of range
     */
    public RmsPropOptions {
        SettingChecks.positive("RMSProp learning rate", learningRate);
        SettingChecks.fraction("RMSProp decay", decay);
        SettingChecks.positive("RMSProp epsilon", epsilon);
        SettingChecks.atLeast("RMSProp batch size", batchSize, 1);
    }

    /**
     * ε = 0.001, decay 0.9, δ = 1e-8, minibatches of 100, seed 0.
     *
     * @return the defaults
     */
    public static RmsPropOptions defaults() {
        return new RmsPropOptions(1e-3, 0.9, 1e-8, SgdOptions.DEFAULT_BATCH_SIZE, 0);
    }

    /**
     * These settings with another learning rate.
     *
     * @param rate ε, finite and &gt; 0
     * @return new settings
     * @throws IllegalArgumentException if rate is out of range
     */
    public RmsPropOptions withLearningRate(double rate) {
        return new RmsPropOptions(rate, decay, epsilon, batchSize, seed);
    }

    /**
     * These settings with another decay.
     *
     * @param d the decay, in [0, 1)
     * @return new settings
     * @throws IllegalArgumentException if d is out of range
     */
    public RmsPropOptions withDecay(double d) {
        return new RmsPropOptions(learningRate, d, epsilon, batchSize, seed);
    }

    /**
     * These settings with another δ.
     *
     * @param e δ, finite and &gt; 0
     * @return new settings
     * @throws IllegalArgumentException if e is out of range
     */
    public RmsPropOptions withEpsilon(double e) {
        return new RmsPropOptions(learningRate, decay, e, batchSize, seed);
    }

    /**
     * These settings with another minibatch size.
     *
     * @param size cases per minibatch, &gt;= 1
     * @return new settings
     * @throws IllegalArgumentException if size is below 1
     */
    public RmsPropOptions withBatchSize(int size) {
        return new RmsPropOptions(learningRate, decay, epsilon, size, seed);
    }

    /**
     * These settings with another shuffle seed.
     *
     * @param s base seed of the per-epoch shuffles
     * @return new settings
     */
    public RmsPropOptions withSeed(long s) {
        return new RmsPropOptions(learningRate, decay, epsilon, batchSize, s);
    }
}
