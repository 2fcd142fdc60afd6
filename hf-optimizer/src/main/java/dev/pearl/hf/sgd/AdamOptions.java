package dev.pearl.hf.sgd;

import dev.pearl.hf.train.SettingChecks;

/**
 * Settings of {@link Adam}; the defaults are Kingma &amp; Ba's (2015).
 *
 * @param learningRate α (0.001)
 * @param beta1        decay of the gradient's running mean (0.9)
 * @param beta2        decay of the squared gradient's running mean (0.999)
 * @param epsilon      ε added to √v̂ (1e-8)
 * @param batchSize    cases per minibatch (100; at most the training set)
 * @param seed         base seed of the per-epoch shuffles (0)
 */
public record AdamOptions(double learningRate, double beta1, double beta2, double epsilon, int batchSize, long seed) {
    /**
     * Checks the settings.
     *
     * @param learningRate α, finite and &gt; 0
     * @param beta1        in [0, 1)
     * @param beta2        in [0, 1)
     * @param epsilon      finite and &gt; 0
     * @param batchSize    cases per minibatch, &gt;= 1
     * @param seed         base seed of the shuffles
     * @throws IllegalArgumentException naming the first value out of range
     */
    public AdamOptions {
        SettingChecks.positive("Adam learning rate", learningRate);
        SettingChecks.fraction("Adam beta1", beta1);
        SettingChecks.fraction("Adam beta2", beta2);
        SettingChecks.positive("Adam epsilon", epsilon);
        SettingChecks.atLeast("Adam batch size", batchSize, 1);
    }

    /**
     * α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8, minibatches of 100, seed 0.
     *
     * @return the defaults
     */
    public static AdamOptions defaults() {
        return new AdamOptions(1e-3, 0.9, 0.999, 1e-8, SgdOptions.DEFAULT_BATCH_SIZE, 0);
    }

    /**
     * These settings with another step size.
     *
     * @param rate α, finite and &gt; 0
     * @return new settings
     * @throws IllegalArgumentException if rate is out of range
     */
    public AdamOptions withLearningRate(double rate) {
        return new AdamOptions(rate, beta1, beta2, epsilon, batchSize, seed);
    }

    /**
     * These settings with another decay of the gradient's mean.
     *
     * @param b1 β1, in [0, 1)
     * @return new settings
     * @throws IllegalArgumentException if b1 is out of range
     */
    public AdamOptions withBeta1(double b1) {
        return new AdamOptions(learningRate, b1, beta2, epsilon, batchSize, seed);
    }

    /**
     * These settings with another decay of the squared gradient's mean.
     *
     * @param b2 β2, in [0, 1)
     * @return new settings
     * @throws IllegalArgumentException if b2 is out of range
     */
    public AdamOptions withBeta2(double b2) {
        return new AdamOptions(learningRate, beta1, b2, epsilon, batchSize, seed);
    }

    /**
     * These settings with another ε.
     *
     * @param e ε, finite and &gt; 0
     * @return new settings
     * @throws IllegalArgumentException if e is out of range
     */
    public AdamOptions withEpsilon(double e) {
        return new AdamOptions(learningRate, beta1, beta2, e, batchSize, seed);
    }

    /**
     * These settings with another minibatch size.
     *
     * @param size cases per minibatch, &gt;= 1
     * @return new settings
     * @throws IllegalArgumentException if size is below 1
     */
    public AdamOptions withBatchSize(int size) {
        return new AdamOptions(learningRate, beta1, beta2, epsilon, size, seed);
    }

    /**
     * These settings with another shuffle seed.
     *
     * @param s base seed of the per-epoch shuffles
     * @return new settings
     */
    public AdamOptions withSeed(long s) {
        return new AdamOptions(learningRate, beta1, beta2, epsilon, batchSize, s);
    }
}
