package dev.pearl.examples.train;

import dev.pearl.hf.parallel.ShardRunner;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.train.SavedState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An optimizer the train command can run: its name on the command line, the flags that map onto
 * its settings record (which, in hf-optimizer, holds the defaults and the range checks), how a run
 * of it is built and how it is described. What every optimizer shares (reading the options,
 * checkpoint metadata, the checks on resume) is here once; each optimizer lists its settings.
 *
 * @param <O> the optimizer's settings record
 */
abstract class OptimizerChoice<O> {
    private final String key;
    private final String label;
    private final String summary;

    OptimizerChoice(String key, String label, String summary) {
        this.key = key;
        this.label = label;
        this.summary = summary;
    }

    /** The name on the command line and in file names: "adam". */
    final String key() {
        return key;
    }

    /** A name for people: "Adam". */
    final String label() {
        return label;
    }

    /** What it is, with its reference: "Adam (Kingma & Ba 2015)". */
    final String summary() {
        return summary;
    }

    /** The settings this optimizer takes, in the order they are applied. */
    abstract List<Setting<O, ?>> settings();

    /** The defaults on a training set of {@code trainSize} cases. */
    abstract O defaults(int trainSize);

    /** What a stored setting that is missing from {@code metadata} was when it was written (a checkpoint of an older build). */
    O storedDefaults(Map<String, String> metadata, int trainSize) {
        return defaults(trainSize);
    }

    abstract Trainer<?, ?> trainer(Problem problem, Batch training, O settings, long seed, int stepsPerRound);

    /**
     * The trainer on the training set held in {@code runner}'s shards ({@code pearl train --spark}),
     * the weight cost added once on this side; closing the runner is the caller's.
     */
    abstract Trainer<?, ?> shardedTrainer(ShardRunner runner, WeightCost weightCost, Batch training, O settings, long seed, int stepsPerRound);

    /** The settings in words, for the start of a run on {@code trainSize} cases, which {@code cases} names ("images", "sequences"). */
    abstract String describe(O settings, int trainSize, String cases);

    /** The size of the minibatches the optimizer cuts, or none when it takes the whole set (HF's plan, whole-set L-BFGS). */
    OptionalInt minibatchSize(O settings) {
        return OptionalInt.empty();
    }

    /** Optimizer steps per row of metrics.csv when --updates-per-iteration is not given. */
    abstract int defaultStepsPerRound(O settings, int trainSize);

    /** Entries of this run's metadata beyond the settings. */
    Map<String, String> extraMetadata(O settings) {
        return Map.of();
    }

    /** Refuses stored settings that cannot be resumed exactly; {@code source} names the file. */
    void checkResumable(O settings, Map<String, String> metadata, String source) {
    }

    /** The saved state with what checkpoints of older builds left out filled in. */
    SavedState upgrade(SavedState saved, int iteration) {
        return saved;
    }

    /** The values given on the command line, by setting key. */
    final Map<String, Object> given(RunOptions options) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting<O, ?> s : settings()) {
            Object v = s.option().apply(options);
            if (v != null) values.put(s.key(), v);
        }
        return values;
    }

    /**
     * Flags with their values, "--learning-rate", "0.003", ... (a tuning file's choice), as values by
     * setting key; a flag this optimizer does not take, or a value that does not parse, is an
     * error naming {@code source}.
     */
    final Map<String, Object> parseFlags(List<String> flagsAndValues, String source) {
        if (flagsAndValues.size() % 2 != 0)
            throw new IllegalArgumentException(source + ": settings '" + String.join(" ", flagsAndValues) + "' should be flag-value pairs");
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < flagsAndValues.size(); i += 2) {
            String flag = flagsAndValues.get(i), text = flagsAndValues.get(i + 1);
            Setting<O, ?> setting = settings().stream().filter(s -> s.flag().equals(flag)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(source + ": " + flag + " is not a setting of " + key + " (its settings are " + String.join(", ", flags()) + ")"));
            try {
                values.put(setting.key(), setting.parse().apply(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": " + flag + " should be a number, found '" + text + "'");
            }
        }
        return values;
    }

    /** The defaults with the given values applied in order; an out-of-range one is an error naming its flag. */
    final O configure(Map<String, Object> given, int trainSize) {
        return configure(defaults(trainSize), given);
    }

    private O configure(O defaults, Map<String, Object> given) {
        O settings = defaults;
        for (Setting<O, ?> s : settings()) if (given.containsKey(s.key())) settings = s.apply(settings, given.get(s.key()));
        return settings;
    }

    /** The settings (and any extra entries) as checkpoint metadata, keys without the "config." prefix. */
    final Map<String, String> toMetadata(O settings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting<O, ?> s : settings()) m.put(s.key(), s.format(settings));
        m.putAll(extraMetadata(settings));
        return m;
    }

    /**
     * The settings stored by {@link #toMetadata}. A key that a checkpoint of an older build lacks
     * takes its {@link #storedDefaults}.
     */
    final O fromMetadata(Map<String, String> metadata, int trainSize, String source) {
        Map<String, Object> stored = new LinkedHashMap<>();
        for (Setting<O, ?> s : settings()) {
            String text = metadata.get(s.key());
            if (text == null) continue;
            try {
                stored.put(s.key(), s.parse().apply(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": " + RunConfig.PREFIX + s.key() + " should be a number, found '" + text + "'");
            }
        }
        O settings;
        try {
            settings = configure(storedDefaults(metadata, trainSize), stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": stored " + e.getMessage(), e);
        }
        checkResumable(settings, metadata, source);
        return settings;
    }

    /** "--beta1 0.8 (the run has 0.9)" for every option given that differs from the stored settings. */
    final List<String> conflicts(O stored, RunOptions options) {
        List<String> conflicts = new ArrayList<>();
        for (Setting<O, ?> s : settings()) {
            Object given = s.option().apply(options), has = s.get().apply(stored);
            if (given != null && !Objects.equals(given, has)) conflicts.add(s.flag() + " " + given + " (the run has " + has + ")");
        }
        return conflicts;
    }

    /** The default of the setting {@code flag} on {@code trainSize} cases; a flag this optimizer lacks is an error naming its own. */
    final Object defaultValue(String flag, int trainSize) {
        Setting<O, ?> setting = settings().stream().filter(s -> s.flag().equals(flag)).findFirst().orElseThrow(() ->
                new IllegalArgumentException(flag + " is not a setting of " + key + " (its settings are " + String.join(", ", flags()) + ")"));
        return setting.get().apply(defaults(trainSize));
    }

    final List<String> flags() {
        return settings().stream().map(Setting::flag).toList();
    }

    /** "--learning-rate 0.001", "--beta1 0.9", ...: each setting with its default for {@code trainSize} cases. */
    final List<String> defaultFlags(int trainSize) {
        O defaults = defaults(trainSize);
        return settings().stream().map(s -> s.flag() + " " + Format.setting(s.get().apply(defaults))).toList();
    }
}
