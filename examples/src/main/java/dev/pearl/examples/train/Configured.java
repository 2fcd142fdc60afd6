package dev.pearl.examples.train;

import dev.pearl.hf.parallel.ShardRunner;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.train.SavedState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/** An optimizer with its settings: the part of a run's configuration that belongs to the optimizer. */
record Configured<O>(OptimizerChoice<O> choice, O settings) {

    Configured {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The options' values for {@code choice} on {@code trainSize} cases: the optimizer's defaults,
     * overridden by {@code start} (by setting key: the model's own defaults and tuned values), then
     * by what the options give.
     */
    static <O> Configured<O> fromOptions(OptimizerChoice<O> choice, RunOptions options, int trainSize, Map<String, Object> start) {
        Map<String, Object> values = new LinkedHashMap<>(start);
        values.putAll(choice.given(options));
        return new Configured<>(choice, choice.configure(values, trainSize));
    }

    static <O> Configured<O> fromMetadata(OptimizerChoice<O> choice, Map<String, String> metadata, int trainSize, String source) {
        return new Configured<>(choice, choice.fromMetadata(metadata, trainSize, source));
    }

    String key() {
        return choice.key();
    }

    String label() {
        return choice.label();
    }

    String describe(int trainSize, String cases) {
        return choice.describe(settings, trainSize, cases);
    }

    Map<String, String> toMetadata() {
        return choice.toMetadata(settings);
    }

    List<String> conflicts(RunOptions options) {
        return choice.conflicts(settings, options);
    }

    OptionalInt minibatchSize() {
        return choice.minibatchSize(settings);
    }

    int defaultStepsPerRound(int trainSize) {
        return choice.defaultStepsPerRound(settings, trainSize);
    }

    Trainer<?, ?> trainer(Problem problem, Batch training, long seed, int stepsPerRound) {
        return choice.trainer(problem, training, settings, seed, stepsPerRound);
    }

    Trainer<?, ?> shardedTrainer(ShardRunner runner, WeightCost weightCost, Batch training, long seed, int stepsPerRound) {
        return choice.shardedTrainer(runner, weightCost, training, settings, seed, stepsPerRound);
    }

    SavedState upgrade(SavedState saved, int iteration) {
        return choice.upgrade(saved, iteration);
    }
}
