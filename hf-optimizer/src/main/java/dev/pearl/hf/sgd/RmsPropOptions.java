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
    public RmsPropOptions {
        SettingChecks.positive("RMSProp learning rate", learningRate);
        SettingChecks.fraction("RMSProp decay", decay);
        SettingChecks.positive("RMSProp epsilon", epsilon);
        SettingChecks.atLeast("RMSProp batch size", batchSize, 1);
    }

    public static RmsPropOptions defaults() {
        return new RmsPropOptions(1e-3, 0.9, 1e-8, SgdOptions.DEFAULT_BATCH_SIZE, 0);
    }

    public RmsPropOptions withLearningRate(double rate) {
        return new RmsPropOptions(rate, decay, epsilon, batchSize, seed);
    }

    public RmsPropOptions withDecay(double d) {
        return new RmsPropOptions(learningRate, d, epsilon, batchSize, seed);
    }

    public RmsPropOptions withEpsilon(double e) {
        return new RmsPropOptions(learningRate, decay, e, batchSize, seed);
    }

    public RmsPropOptions withBatchSize(int size) {
        return new RmsPropOptions(learningRate, decay, epsilon, size, seed);
    }

    public RmsPropOptions withSeed(long s) {
        return new RmsPropOptions(learningRate, decay, epsilon, batchSize, s);
    }
}
