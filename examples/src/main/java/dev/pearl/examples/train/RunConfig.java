package dev.pearl.examples.train;

import dev.pearl.tensor.DType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that determines a training run's result, plus its limits. It is stored in every
 * checkpoint, so that {@code --resume} continues exactly the run that was started.
 *
 * @param dataset             the --dataset value ("curves" or "mnist-idx:DIR")
 * @param model               what is trained: the auto-encoder or the LeNet classifier
 * @param trainSize           training cases used
 * @param testSize            test cases used
 * @param seed                seeds the generated data, the initial weights and the optimizer's random draws and batch order
 * @param layers              auto-encoder layer sizes, input to output (none for other models)
 * @param weightCost          L2 coefficient on the weights
 * @param evalTrainSize       train error and loss are measured on the first this many training cases
 * @param optimizer           the optimizer and its settings
 * @param updatesPerIteration optimizer steps between two measurements (one row of metrics.csv)
 * @param maxIterations       stop after this many iterations in total (Integer.MAX_VALUE: no limit)
 * @param maxSeconds          stop at the first iteration boundary after this many seconds of run time in total
 * @param sequence            the RNN's task, length and hidden units (null for other models)
 * @param spark               the Spark master and shards of a --spark run (null: in process)
 */
public record RunConfig(String dataset, ModelKind model, int trainSize, int testSize, long seed, DType dtype, int[] layers, double weightCost,
                        int evalTrainSize, Configured<?> optimizer, int updatesPerIteration, int maxIterations, double maxSeconds,
                        SequenceSpec sequence, SparkPlacement spark) {
    static final String PREFIX = "config.";

    public RunConfig {
        layers = layers.clone();
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(optimizer, "optimizer");
        if ((model == ModelKind.RNN) != (sequence != null)) throw new IllegalArgumentException("a sequence task goes with --model rnn only");
        requireAtLeast("--train-size", trainSize, 1);
        requireAtLeast("--test-size", testSize, 1);
        requireAtLeast("--max-iterations", maxIterations, 0);
        requireAtLeast("--updates-per-iteration", updatesPerIteration, 1);
        if (!(maxSeconds >= 0)) throw new IllegalArgumentException("--max-seconds must be >= 0, got " + maxSeconds);
        if (!(weightCost >= 0) || Double.isInfinite(weightCost)) throw new IllegalArgumentException("--weight-cost must be finite and >= 0, got " + weightCost);
        if (evalTrainSize < 1 || evalTrainSize > trainSize)
            throw new IllegalArgumentException("--eval-train-size must lie between 1 and the " + trainSize + " training cases, got " + evalTrainSize);
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    public RunConfig withLimits(int iterations, double seconds) {
        return new RunConfig(dataset, model, trainSize, testSize, seed, dtype, layers, weightCost, evalTrainSize, optimizer, updatesPerIteration,
                iterations, seconds, sequence, spark);
    }

    /** The same run computed at {@code placement} (null: in process). */
    public RunConfig withSpark(SparkPlacement placement) {
        return new RunConfig(dataset, model, trainSize, testSize, seed, dtype, layers, weightCost, evalTrainSize, optimizer, updatesPerIteration,
                maxIterations, maxSeconds, sequence, placement);
    }

    public boolean hasIterationLimit() {
        return maxIterations != Integer.MAX_VALUE;
    }

    /** The configuration as checkpoint metadata, every key starting with "config."; an auto-encoder's has no model key, as before models. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        if (model != ModelKind.AUTOENCODER) m.put("model", model.key());
        m.put("train_size", Integer.toString(trainSize));
        m.put("test_size", Integer.toString(testSize));
        m.put("seed", Long.toString(seed));
        m.put("dtype", dtype.toString());
        if (model == ModelKind.AUTOENCODER) m.put("layers", Architecture.format(layers));
        if (sequence != null) m.putAll(sequence.toMetadata());
        m.put("weight_cost", Double.toString(weightCost));
        m.put("eval_train_size", Integer.toString(evalTrainSize));
        m.put("optimizer", optimizer.key());
        m.putAll(optimizer.toMetadata());
        m.put("updates_per_iteration", Integer.toString(updatesPerIteration));
        m.put("max_iterations", Integer.toString(maxIterations));
        m.put("max_seconds", Double.toString(maxSeconds));
        if (spark != null) m.putAll(spark.toMetadata());
        Map<String, String> prefixed = new LinkedHashMap<>();
        m.forEach((k, v) -> prefixed.put(PREFIX + k, v));
        return prefixed;
    }

    /** Reads back {@link #toMetadata()}; {@code source} names the file in error messages. */
    public static RunConfig fromMetadata(Map<String, String> metadata, String source) {
        Map<String, String> config = new LinkedHashMap<>();
        metadata.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) config.put(k.substring(PREFIX.length()), v);
        });
        MetadataReader r = new MetadataReader(config, source);
        int trainSize = r.integer("train_size");
        OptimizerChoice<?> choice;
        try {
            choice = Optimizers.parse(r.text("optimizer"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        ModelKind model;
        try {
            model = ModelKind.parse(config.get("model"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        int[] layers = model == ModelKind.AUTOENCODER ? Architecture.fromFormatted(r.text("layers")) : new int[0];
        return new RunConfig(r.text("dataset"), model, trainSize, r.integer("test_size"), r.longInteger("seed"),
                DType.parse(r.text("dtype")), layers, r.real("weight_cost"), r.integer("eval_train_size"),
                Configured.fromMetadata(choice, config, trainSize, source), r.integer("updates_per_iteration"),
                r.integer("max_iterations"), r.real("max_seconds"),
                model == ModelKind.RNN ? new SequenceSpec(r.text("task"), r.integer("length"), r.integer("hidden")) : null,
                SparkPlacement.fromMetadata(config, source));
    }

    private static void requireAtLeast(String option, long value, long min) {
        if (value < min) throw new IllegalArgumentException(option + " must be >= " + min + ", got " + value);
    }

    /** Typed access to the "config.*" entries with errors that name the file and the key. */
    private record MetadataReader(Map<String, String> config, String source) {
        String text(String key) {
            String v = config.get(key);
            if (v == null) throw new IllegalArgumentException(source + ": not a checkpoint of 'pearl train' (no " + PREFIX + key + ")");
            return v;
        }

        int integer(String key) {
            return parse(key, Integer::parseInt);
        }

        long longInteger(String key) {
            return parse(key, Long::parseLong);
        }

        double real(String key) {
            return parse(key, Double::parseDouble);
        }

        private <T> T parse(String key, java.util.function.Function<String, T> parser) {
            String v = text(key);
            try {
                return parser.apply(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": " + PREFIX + key + " should be a number, found '" + v + "'");
            }
        }
    }
}
