package dev.pearl.examples.train;

import dev.pearl.hf.lbfgs.Lbfgs;
import dev.pearl.hf.lbfgs.LbfgsOptions;
import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.parallel.ShardRunner;
import dev.pearl.hf.parallel.ShardedData;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** L-BFGS on the command line: {@link LbfgsOptions}. */
final class LbfgsChoice extends OptimizerChoice<LbfgsOptions> {
    private static final List<Setting<LbfgsOptions, ?>> SETTINGS = List.of(
            Setting.integer("--history", "history", o -> o.history, LbfgsOptions::history, LbfgsOptions::withHistory),
            Setting.integer("--batch-size", "batch_size", o -> o.batchSize, LbfgsOptions::batchSize, LbfgsOptions::withBatchSize),
            Setting.integer("--steps-per-batch", "steps_per_batch", o -> o.stepsPerBatch, LbfgsOptions::stepsPerBatch, LbfgsOptions::withStepsPerBatch));

    LbfgsChoice() {
        super("lbfgs", "L-BFGS", "L-BFGS with a strong-Wolfe line search (Nocedal & Wright 2006); --batch-size 0 is the whole training set");
    }

    @Override
    List<Setting<LbfgsOptions, ?>> settings() {
        return SETTINGS;
    }

    @Override
    LbfgsOptions defaults(int trainSize) {
        return LbfgsOptions.defaults();
    }

    @Override
    Trainer<?, ?> trainer(Problem problem, Batch training, LbfgsOptions settings, long seed, int stepsPerRound) {
        return trainer(MinibatchSource.inProcess(problem, training), training, settings, seed, stepsPerRound);
    }

    @Override
    Trainer<?, ?> shardedTrainer(ShardRunner runner, WeightCost weightCost, Batch training, LbfgsOptions settings, long seed, int stepsPerRound) {
        return trainer(new ShardedData(runner, weightCost, 1, seed), training, settings, seed, stepsPerRound);
    }

    private static Trainer<?, ?> trainer(MinibatchSource data, Batch training, LbfgsOptions settings, long seed, int stepsPerRound) {
        return new Trainer<>(new Lbfgs(data, settings.withSeed(seed)), stepsPerRound, new LbfgsRows(training.size()));
    }

    @Override
    OptionalInt minibatchSize(LbfgsOptions settings) {
        return settings.wholeSet() ? OptionalInt.empty() : OptionalInt.of(settings.batchSize());
    }

    @Override
    String describe(LbfgsOptions s, int trainSize, String cases) {
        String batches = s.wholeSet() || s.batchSize() >= trainSize ? "on the whole training set"
                : String.format(Locale.ROOT, "on batches of %d %s, %d steps each", s.batchSize(), cases, s.stepsPerBatch());
        return String.format(Locale.ROOT, "L-BFGS: history %d, strong-Wolfe line search, %s", s.history(), batches);
    }

    @Override
    int defaultStepsPerRound(LbfgsOptions settings, int trainSize) {
        return TrainDefaults.LBFGS_STEPS_PER_ROUND;
    }
}
