package dev.pearl.examples.train;

import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.sgd.Adam;
import dev.pearl.hf.sgd.AdamOptions;

import java.util.List;
import java.util.Locale;

/** Adam on the command line: {@link AdamOptions}. */
final class AdamChoice extends MinibatchChoice<AdamOptions> {
    private static final List<Setting<AdamOptions, ?>> SETTINGS = List.of(
            Setting.real("--learning-rate", "learning_rate", o -> o.learningRate, AdamOptions::learningRate, AdamOptions::withLearningRate),
            Setting.real("--beta1", "beta1", o -> o.beta1, AdamOptions::beta1, AdamOptions::withBeta1),
            Setting.real("--beta2", "beta2", o -> o.beta2, AdamOptions::beta2, AdamOptions::withBeta2),
            Setting.real("--epsilon", "epsilon", o -> o.epsilon, AdamOptions::epsilon, AdamOptions::withEpsilon),
            Setting.integer("--batch-size", "batch_size", o -> o.batchSize, AdamOptions::batchSize, AdamOptions::withBatchSize));

    AdamChoice() {
        super("adam", "Adam", "Adam (Kingma & Ba 2015)");
    }

    @Override
    List<Setting<AdamOptions, ?>> settings() {
        return SETTINGS;
    }

    @Override
    AdamOptions defaults(int trainSize) {
        return AdamOptions.defaults();
    }

    @Override
    Adam optimizer(MinibatchSource data, AdamOptions settings, long seed) {
        return new Adam(data, settings.withSeed(seed));
    }

    @Override
    int batchSize(AdamOptions settings) {
        return settings.batchSize();
    }

    @Override
    String describe(AdamOptions s, int trainSize, String cases) {
        return String.format(Locale.ROOT, "Adam: learning rate %s, beta1 %s, beta2 %s, epsilon %s, %s", Format.number(s.learningRate()),
                Format.number(s.beta1()), Format.number(s.beta2()), Format.number(s.epsilon()), TrainDefaults.minibatches(s.batchSize(), trainSize));
    }
}
