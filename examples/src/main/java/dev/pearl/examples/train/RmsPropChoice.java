package dev.pearl.examples.train;

import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.sgd.RmsProp;
import dev.pearl.hf.sgd.RmsPropOptions;

import java.util.List;
import java.util.Locale;

/** RMSProp on the command line: {@link RmsPropOptions}. */
final class RmsPropChoice extends MinibatchChoice<RmsPropOptions> {
    private static final List<Setting<RmsPropOptions, ?>> SETTINGS = List.of(
            Setting.real("--learning-rate", "learning_rate", o -> o.learningRate, RmsPropOptions::learningRate, RmsPropOptions::withLearningRate),
            Setting.real("--decay", "decay", o -> o.decay, RmsPropOptions::decay, RmsPropOptions::withDecay),
            Setting.real("--epsilon", "epsilon", o -> o.epsilon, RmsPropOptions::epsilon, RmsPropOptions::withEpsilon),
            Setting.integer("--batch-size", "batch_size", o -> o.batchSize, RmsPropOptions::batchSize, RmsPropOptions::withBatchSize));

    RmsPropChoice() {
        super("rmsprop", "RMSProp", "RMSProp (Tieleman & Hinton 2012)");
    }

    @Override
    List<Setting<RmsPropOptions, ?>> settings() {
        return SETTINGS;
    }

    @Override
    RmsPropOptions defaults(int trainSize) {
        return RmsPropOptions.defaults();
    }

    @Override
    RmsProp optimizer(MinibatchSource data, RmsPropOptions settings, long seed) {
        return new RmsProp(data, settings.withSeed(seed));
    }

    @Override
    int batchSize(RmsPropOptions settings) {
        return settings.batchSize();
    }

    @Override
    String describe(RmsPropOptions s, int trainSize, String cases) {
        return String.format(Locale.ROOT, "RMSProp: learning rate %s, decay %s, epsilon %s, %s", Format.number(s.learningRate()),
                Format.number(s.decay()), Format.number(s.epsilon()), TrainDefaults.minibatches(s.batchSize(), trainSize));
    }
}
