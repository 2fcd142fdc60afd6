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
    public AdamOptions {
        SettingChecks.positive("Adam learning rate", learningRate);
        SettingChecks.fraction("Adam beta1", beta1);
        SettingChecks.fraction("Adam beta2", beta2);
        SettingChecks.positive("Adam epsilon", epsilon);
        SettingChecks.atLeast("Adam batch size", batchSize, 1);
    }

    public static AdamOptions defaults() {
        return new AdamOptions(1e-3, 0.9, 0.999, 1e-8, SgdOptions.DEFAULT_BATCH_SIZE, 0);
    }

    public AdamOptions withLearningRate(double rate) {
        return new AdamOptions(rate, beta1, beta2, epsilon, batchSize, seed);
    }

    public AdamOptions withBeta1(double b1) {
        return new AdamOptions(learningRate, b1, beta2, epsilon, batchSize, seed);
    }

    public AdamOptions withBeta2(double b2) {
        return new AdamOptions(learningRate, beta1, b2, epsilon, batchSize, seed);
    }

    public AdamOptions withEpsilon(double e) {
        return new AdamOptions(learningRate, beta1, beta2, e, batchSize, seed);
    }

    public AdamOptions withBatchSize(int size) {
        return new AdamOptions(learningRate, beta1, beta2, epsilon, size, seed);
    }

    public AdamOptions withSeed(long s) {
        return new AdamOptions(learningRate, beta1, beta2, epsilon, batchSize, s);
    }
}
