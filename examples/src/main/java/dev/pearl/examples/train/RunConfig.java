package dev.pearl.examples.train;

import dev.pearl.tensor.DType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that determines a training run's result, plus its limits. It is stored in every
 * checkpoint, so that {@code --resume} continues exactly the run that was started.
 *
 * @param dataset             the --dataset value ("curves" or "mnist-idx:DIR")
 * @param trainSize           training cases used
 * @param testSize            test cases used
 * @param seed                seeds the generated data, the initial weights and the optimizer's random draws
 * @param layers              auto-encoder layer sizes, input to output
 * @param weightCost          L2 coefficient on the weights
 * @param evalTrainSize       train error and loss are measured on the first this many training cases
 * @param curvatureBatch      HF: cases per curvature chunk
 * @param lineSearchBatch     HF: CG-backtracking and the line search use the first this many training cases (stochastic HF: the
 *                            gradient chunk itself, so equal to {@code gradientBatch})
 * @param gradientBatch       HF: cases per gradient chunk, chunks taken in turn (the training set size: Martens' full gradient;
 *                            fewer: stochastic HF, curvature and line search cut from each chunk)
 * @param cgMaxIterations     HF: CG steps at most per HF step
 * @param initialDamping      HF: λ of the first step
 * @param minimumDamping      HF: λ never falls below this (0: no floor)
 * @param learningRate        SGD: ε
 * @param momentum            SGD: μ (Nesterov form)
 * @param batchSize           SGD: cases per minibatch
 * @param updatesPerIteration SGD and stochastic HF: steps between two measurements (one row of metrics.csv)
 * @param maxIterations       stop after this many iterations in total (Integer.MAX_VALUE: no limit)
 * @param maxSeconds          stop at the first iteration boundary after this many seconds of run time in total
 */
public record RunConfig(String dataset, int trainSize, int testSize, long seed, DType dtype, OptimizerKind optimizer, int[] layers,
                        double weightCost, int evalTrainSize, int curvatureBatch, int lineSearchBatch, int gradientBatch,
                        int cgMaxIterations, double initialDamping, double minimumDamping, double learningRate, double momentum, int batchSize, int updatesPerIteration,
                        int maxIterations, double maxSeconds) {
    static final String PREFIX = "config.";
    /**
     * Version of stochastic HF's batch scheme, stored with its runs: a checkpoint of a scheme
     * that chose its batches differently cannot resume exactly, so it is refused.
     */
    private static final String STOCHASTIC_SCHEME_KEY = "stochastic_hf_scheme", STOCHASTIC_SCHEME = "2";

    public RunConfig {
        layers = layers.clone();
        requireAtLeast("--train-size", trainSize, 1);
        requireAtLeast("--test-size", testSize, 1);
        requireAtLeast("--max-iterations", maxIterations, 0);
        if (!(maxSeconds >= 0)) throw new IllegalArgumentException("--max-seconds must be >= 0, got " + maxSeconds);
        if (!(weightCost >= 0) || Double.isInfinite(weightCost)) throw new IllegalArgumentException("--weight-cost must be finite and >= 0, got " + weightCost);
        requireWithin("--eval-train-size", evalTrainSize, trainSize);
        if (optimizer == OptimizerKind.HF) {
            requireWithin("--gradient-batch", gradientBatch, trainSize);
            requireWithin("--curvature-batch", curvatureBatch, trainSize);
            requireWithin("--line-search-batch", lineSearchBatch, trainSize);
            requireAtLeast("--cg-max-iterations", cgMaxIterations, 1);
            if (!(initialDamping > 0) || Double.isInfinite(initialDamping))
                throw new IllegalArgumentException("--initial-damping must be finite and > 0, got " + initialDamping);
            if (!(minimumDamping >= 0 && minimumDamping <= initialDamping))
                throw new IllegalArgumentException("--min-damping must lie in [0, --initial-damping " + initialDamping + "], got " + minimumDamping);
            if (gradientBatch < trainSize) {
                requireAtLeast("--updates-per-iteration", updatesPerIteration, 1);
                if (curvatureBatch > gradientBatch)
                    throw new IllegalArgumentException("--curvature-batch " + curvatureBatch + " is larger than --gradient-batch " + gradientBatch
                            + ": stochastic HF cuts its curvature batches from each gradient batch");
                if (lineSearchBatch != gradientBatch)
                    throw new IllegalArgumentException("stochastic HF (--gradient-batch " + gradientBatch + " of " + trainSize
                            + " images) searches on each gradient batch; drop --line-search-batch");
            }
        } else {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException("--learning-rate must be finite and > 0, got " + learningRate);
            if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("--momentum must lie in [0, 1), got " + momentum);
            requireWithin("--batch-size", batchSize, trainSize);
            requireAtLeast("--updates-per-iteration", updatesPerIteration, 1);
        }
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    public RunConfig withLimits(int iterations, double seconds) {
        return new RunConfig(dataset, trainSize, testSize, seed, dtype, optimizer, layers, weightCost, evalTrainSize, curvatureBatch,
                lineSearchBatch, gradientBatch, cgMaxIterations, initialDamping, minimumDamping, learningRate, momentum, batchSize,
                updatesPerIteration, iterations, seconds);
    }

    /** HF with gradient batches smaller than the training set: curvature and line search come from each gradient batch. */
    public boolean stochasticHf() {
        return optimizer == OptimizerKind.HF && gradientBatch < trainSize;
    }

    public boolean hasIterationLimit() {
        return maxIterations != Integer.MAX_VALUE;
    }

    /** The configuration as checkpoint metadata, every key starting with "config.". */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("train_size", Integer.toString(trainSize));
        m.put("test_size", Integer.toString(testSize));
        m.put("seed", Long.toString(seed));
        m.put("dtype", dtype.toString());
        m.put("optimizer", optimizer.key());
        m.put("layers", Architecture.format(layers));
        m.put("weight_cost", Double.toString(weightCost));
        m.put("eval_train_size", Integer.toString(evalTrainSize));
        m.put("curvature_batch", Integer.toString(curvatureBatch));
        m.put("line_search_batch", Integer.toString(lineSearchBatch));
        m.put("gradient_batch", Integer.toString(gradientBatch));
        if (stochasticHf()) m.put(STOCHASTIC_SCHEME_KEY, STOCHASTIC_SCHEME);
        m.put("cg_max_iterations", Integer.toString(cgMaxIterations));
        m.put("initial_damping", Double.toString(initialDamping));
        m.put("minimum_damping", Double.toString(minimumDamping));
        m.put("learning_rate", Double.toString(learningRate));
        m.put("momentum", Double.toString(momentum));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("updates_per_iteration", Integer.toString(updatesPerIteration));
        m.put("max_iterations", Integer.toString(maxIterations));
        m.put("max_seconds", Double.toString(maxSeconds));
        Map<String, String> prefixed = new LinkedHashMap<>();
        m.forEach((k, v) -> prefixed.put(PREFIX + k, v));
        return prefixed;
    }

    /** Reads back {@link #toMetadata()}; {@code source} names the file in error messages. */
    public static RunConfig fromMetadata(Map<String, String> metadata, String source) {
        MetadataReader r = new MetadataReader(metadata, source);
        // Checkpoints written before these settings existed used the whole set, Martens' 250 CG steps and λ0 = 45 with no floor.
        int trainSize = r.integer("train_size"), gradientBatch = r.integerOr("gradient_batch", trainSize);
        boolean stochastic = OptimizerKind.parse(r.text("optimizer")) == OptimizerKind.HF && gradientBatch < trainSize;
        if (stochastic && !STOCHASTIC_SCHEME.equals(metadata.get(PREFIX + STOCHASTIC_SCHEME_KEY)))
            throw new IllegalArgumentException(source + ": a stochastic-HF run (--gradient-batch) written by an older pearl, which chose "
                    + "its batches differently; it cannot be resumed exactly, so start a new run");
        return new RunConfig(r.text("dataset"), trainSize, r.integer("test_size"), r.longInteger("seed"),
                DType.parse(r.text("dtype")), OptimizerKind.parse(r.text("optimizer")), Architecture.fromFormatted(r.text("layers")),
                r.real("weight_cost"), r.integer("eval_train_size"), r.integer("curvature_batch"), r.integer("line_search_batch"),
                gradientBatch, r.integerOr("cg_max_iterations", TrainDefaults.CG_MAX_ITERATIONS),
                r.realOr("initial_damping", TrainDefaults.INITIAL_DAMPING), r.realOr("minimum_damping", 0),
                r.real("learning_rate"), r.real("momentum"), r.integer("batch_size"), r.integer("updates_per_iteration"),
                r.integer("max_iterations"), r.real("max_seconds"));
    }

    private static void requireAtLeast(String option, long value, long min) {
        if (value < min) throw new IllegalArgumentException(option + " must be >= " + min + ", got " + value);
    }

    static void requireWithin(String option, int value, int trainSize) {
        if (value < 1 || value > trainSize)
            throw new IllegalArgumentException(option + " must lie between 1 and the " + trainSize + " training cases, got " + value);
    }

    /** Typed access to "config.*" entries with errors that name the file and the key. */
    private record MetadataReader(Map<String, String> metadata, String source) {
        String text(String key) {
            String v = metadata.get(PREFIX + key);
            if (v == null) throw new IllegalArgumentException(source + ": not a checkpoint of 'pearl train' (no " + PREFIX + key + ")");
            return v;
        }

        int integer(String key) {
            return parse(key, Integer::parseInt);
        }

        int integerOr(String key, int absent) {
            return metadata.containsKey(PREFIX + key) ? integer(key) : absent;
        }

        long longInteger(String key) {
            return parse(key, Long::parseLong);
        }

        double real(String key) {
            return parse(key, Double::parseDouble);
        }

        double realOr(String key, double absent) {
            return metadata.containsKey(PREFIX + key) ? real(key) : absent;
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
