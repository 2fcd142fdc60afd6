package dev.pearl.examples.train;

import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.SgdOptions;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Momentum SGD on the command line ({@link SgdOptions}), in two forms: {@code sgd} with a constant
 * Nesterov momentum ({@code --momentum}), and {@code nesterov} with Sutskever et al.'s rising
 * schedule capped at {@code --max-momentum}.
 */
final class MomentumChoice extends MinibatchChoice<SgdOptions> {
    private static final Setting<SgdOptions, Double> LEARNING_RATE =
            Setting.real("--learning-rate", "learning_rate", o -> o.learningRate, SgdOptions::learningRate, SgdOptions::withLearningRate);
    private static final Setting<SgdOptions, Integer> BATCH_SIZE =
            Setting.integer("--batch-size", "batch_size", o -> o.batchSize, SgdOptions::batchSize, SgdOptions::withBatchSize);

    static final MomentumChoice CONSTANT = new MomentumChoice("sgd", "SGD with momentum", "SGD with a constant Nesterov momentum",
            SgdOptions::defaults, Setting.real("--momentum", "momentum", o -> o.momentum,
            s -> ((MomentumSchedule.Constant) s.momentum()).momentum(), (s, mu) -> s.withMomentum(MomentumSchedule.constant(mu))));
    static final MomentumChoice SUTSKEVER = new MomentumChoice("nesterov", "Nesterov momentum",
            "Nesterov momentum with Sutskever et al.'s (2013) schedule, which raises it from 0.5 every 250 steps up to --max-momentum",
            SgdOptions::sutskever, Setting.real("--max-momentum", "max_momentum", o -> o.maxMomentum,
            s -> ((MomentumSchedule.Sutskever) s.momentum()).maxMomentum(), (s, mu) -> s.withMomentum(MomentumSchedule.sutskever(mu))));

    private final Supplier<SgdOptions> defaults;
    private final List<Setting<SgdOptions, ?>> settings;

    private MomentumChoice(String key, String label, String summary, Supplier<SgdOptions> defaults, Setting<SgdOptions, Double> momentum) {
        super(key, label, summary);
        this.defaults = defaults;
        this.settings = List.of(LEARNING_RATE, momentum, BATCH_SIZE);
    }

    @Override
    List<Setting<SgdOptions, ?>> settings() {
        return settings;
    }

    @Override
    SgdOptions defaults(int trainSize) {
        return defaults.get();
    }

    @Override
    MomentumSgd optimizer(MinibatchSource data, SgdOptions settings, long seed) {
        return new MomentumSgd(data, settings.withSeed(seed));
    }

    @Override
    int batchSize(SgdOptions settings) {
        return settings.batchSize();
    }

    @Override
    String describe(SgdOptions s, int trainSize, String cases) {
        String momentum = s.momentum() instanceof MomentumSchedule.Sutskever schedule
                ? "Nesterov momentum rising from 0.5 to " + Format.number(schedule.maxMomentum()) + " (Sutskever et al.)"
                : "Nesterov momentum " + Format.number(s.momentum().at(0));
        return String.format(Locale.ROOT, "%s: learning rate %s, %s, %s", label(), Format.number(s.learningRate()), momentum,
                TrainDefaults.minibatches(s.batchSize(), trainSize));
    }
}
