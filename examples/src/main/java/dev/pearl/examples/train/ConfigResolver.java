package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;
import dev.pearl.hf.BatchPlan;
import dev.pearl.tensor.DType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Turns the command-line options into a {@link RunConfig}: with defaults for a new run, or checked against a resumed one. */
final class ConfigResolver {
    private ConfigResolver() {
    }

    static String dataset(RunOptions o) {
        String d = o.dataset == null ? Datasets.CURVES : o.dataset;
        boolean known = d.equalsIgnoreCase(Datasets.CURVES) || d.startsWith(Datasets.MNIST_IDX_PREFIX) && d.length() > Datasets.MNIST_IDX_PREFIX.length();
        if (!known) throw new IllegalArgumentException("unknown --dataset '" + d + "' (expected curves or mnist-idx:DIR)");
        return d.equalsIgnoreCase(Datasets.CURVES) ? Datasets.CURVES : d;
    }

    static boolean isCurves(String dataset) {
        return dataset.equals(Datasets.CURVES);
    }

    /** Training images to load: as given, or the data set's default (MNIST: all of them). */
    static int requestedTrainSize(RunOptions o, String dataset) {
        return positive("--train-size", o.trainSize != null ? o.trainSize : isCurves(dataset) ? TrainDefaults.CURVES_TRAIN_SIZE : TrainDefaults.MNIST_TRAIN_SIZE);
    }

    static int requestedTestSize(RunOptions o, String dataset) {
        return positive("--test-size", o.testSize != null ? o.testSize : isCurves(dataset) ? TrainDefaults.CURVES_TEST_SIZE : TrainDefaults.MNIST_TEST_SIZE);
    }

    static long seed(RunOptions o) {
        return o.seed != null ? o.seed : TrainDefaults.SEED;
    }

    static DType dtype(RunOptions o) {
        return o.dtype != null ? DType.parse(o.dtype) : DType.FLOAT32;
    }

    /** A new run on data of the given (loaded) sizes; options not given take their defaults. */
    static RunConfig fresh(RunOptions o, String dataset, int trainSize, int testSize, Integer maxIterations, Double maxSeconds) {
        OptimizerKind optimizer = o.optimizer != null ? OptimizerKind.parse(o.optimizer) : OptimizerKind.HF;
        rejectOptionsOfTheOtherOptimizer(o, optimizer);
        int[] layers = o.layers != null ? Architecture.parse(o.layers) : Architecture.forDataset(dataset);
        // SGD keeps HF's settings at their whole-set values: they are stored with the run but unused.
        int gradient = o.gradientBatch != null ? o.gradientBatch : optimizer == OptimizerKind.HF ? TrainDefaults.gradientBatch(trainSize) : trainSize;
        RunConfig.requireWithin("--gradient-batch", gradient, trainSize);
        boolean stochastic = gradient < trainSize;
        if (stochastic && BatchPlan.chunkCount(trainSize, gradient) < 2)
            throw new IllegalArgumentException("--gradient-batch " + gradient + " of " + trainSize + " training images makes a single batch; "
                    + "use at most " + trainSize * 2 / 3 + " for stochastic HF, or --gradient-batch " + trainSize + " for the whole-set gradient");
        if (stochastic && o.lineSearchBatch != null)
            throw new IllegalArgumentException("--line-search-batch does not apply with --gradient-batch " + gradient
                    + (o.gradientBatch == null ? " (the default for " + trainSize + " training images)" : "")
                    + ": stochastic HF searches on each gradient batch; give --gradient-batch " + trainSize + " for Martens' whole-set plan");
        int curvature = o.curvatureBatch != null ? o.curvatureBatch
                : stochastic ? TrainDefaults.stochasticCurvatureBatch(gradient) : TrainDefaults.curvatureBatch(trainSize);
        int batchSize = o.batchSize != null ? o.batchSize : Math.min(TrainDefaults.BATCH_SIZE, trainSize);
        if (optimizer == OptimizerKind.HF && !stochastic && o.updatesPerIteration != null)
            throw new IllegalArgumentException("--updates-per-iteration applies to SGD and to stochastic HF (--gradient-batch); "
                    + "HF with the whole-set gradient measures after every step");
        double initialDamping = o.initialDamping != null ? o.initialDamping : TrainDefaults.INITIAL_DAMPING;
        // The stochastic default floor never exceeds a λ0 the user chose below it.
        double minimumDamping = o.minimumDamping != null ? o.minimumDamping
                : stochastic ? Math.min(TrainDefaults.STOCHASTIC_MIN_DAMPING, initialDamping) : 0;
        int updates = o.updatesPerIteration != null ? o.updatesPerIteration
                : optimizer == OptimizerKind.HF ? (stochastic ? TrainDefaults.stochasticStepsPerIteration(trainSize, gradient) : 1)
                : TrainDefaults.updatesPerIteration(trainSize, batchSize);
        return new RunConfig(dataset, trainSize, testSize, seed(o), dtype(o), optimizer, layers,
                o.weightCost != null ? o.weightCost : dev.pearl.hf.problem.WeightCost.MARTENS_COEFFICIENT,
                o.evalTrainSize != null ? o.evalTrainSize : TrainDefaults.evalTrainSize(trainSize),
                curvature, stochastic ? gradient : o.lineSearchBatch != null ? o.lineSearchBatch : Math.min(trainSize, curvature), gradient,
                o.cgMaxIterations != null ? o.cgMaxIterations : TrainDefaults.cgMaxIterations(stochastic),
                initialDamping, minimumDamping,
                o.learningRate != null ? o.learningRate : TrainDefaults.LEARNING_RATE,
                o.momentum != null ? o.momentum : TrainDefaults.MOMENTUM, batchSize,
                updates,
                maxIterations != null ? maxIterations : Integer.MAX_VALUE,
                maxSeconds != null ? maxSeconds : TrainDefaults.MAX_SECONDS);
    }

    /**
     * The stored configuration of a resumed run. Options that would change its result must agree
     * with it (one message lists every disagreement); new limits replace the stored ones.
     */
    static RunConfig resumed(RunConfig stored, RunOptions o, Integer maxIterations, Double maxSeconds) {
        List<String> conflicts = new ArrayList<>();
        if (o.dataset != null) check(conflicts, "--dataset", dataset(o), stored.dataset());
        if (o.optimizer != null) check(conflicts, "--optimizer", OptimizerKind.parse(o.optimizer).key(), stored.optimizer().key());
        check(conflicts, "--train-size", o.trainSize, stored.trainSize());
        check(conflicts, "--test-size", o.testSize, stored.testSize());
        check(conflicts, "--seed", o.seed, stored.seed());
        if (o.dtype != null) check(conflicts, "--dtype", DType.parse(o.dtype).toString(), stored.dtype().toString());
        if (o.layers != null && !Arrays.equals(Architecture.parse(o.layers), stored.layers()))
            conflicts.add("--layers " + o.layers + " (the run has " + Architecture.format(stored.layers()) + ")");
        check(conflicts, "--weight-cost", o.weightCost, stored.weightCost());
        check(conflicts, "--eval-train-size", o.evalTrainSize, stored.evalTrainSize());
        check(conflicts, "--curvature-batch", o.curvatureBatch, stored.curvatureBatch());
        check(conflicts, "--line-search-batch", o.lineSearchBatch, stored.lineSearchBatch());
        check(conflicts, "--gradient-batch", o.gradientBatch, stored.gradientBatch());
        check(conflicts, "--cg-max-iterations", o.cgMaxIterations, stored.cgMaxIterations());
        check(conflicts, "--initial-damping", o.initialDamping, stored.initialDamping());
        check(conflicts, "--min-damping", o.minimumDamping, stored.minimumDamping());
        check(conflicts, "--learning-rate", o.learningRate, stored.learningRate());
        check(conflicts, "--momentum", o.momentum, stored.momentum());
        check(conflicts, "--batch-size", o.batchSize, stored.batchSize());
        check(conflicts, "--updates-per-iteration", o.updatesPerIteration, stored.updatesPerIteration());
        if (!conflicts.isEmpty())
            throw new IllegalArgumentException("a resumed run keeps its settings, but " + String.join(", ", conflicts)
                    + "; drop these options, or start a new run with --out");
        return stored.withLimits(maxIterations != null ? maxIterations : stored.maxIterations(),
                maxSeconds != null ? maxSeconds : stored.maxSeconds());
    }

    private static void check(List<String> conflicts, String option, Object given, Object stored) {
        if (given != null && !Objects.equals(given, stored)) conflicts.add(option + " " + given + " (the run has " + stored + ")");
    }

    private static void rejectOptionsOfTheOtherOptimizer(RunOptions o, OptimizerKind optimizer) {
        List<String> misplaced = new ArrayList<>();
        if (optimizer == OptimizerKind.HF) {
            if (o.learningRate != null) misplaced.add("--learning-rate");
            if (o.momentum != null) misplaced.add("--momentum");
            if (o.batchSize != null) misplaced.add("--batch-size");
        } else {
            if (o.curvatureBatch != null) misplaced.add("--curvature-batch");
            if (o.lineSearchBatch != null) misplaced.add("--line-search-batch");
            if (o.gradientBatch != null) misplaced.add("--gradient-batch");
            if (o.cgMaxIterations != null) misplaced.add("--cg-max-iterations");
            if (o.initialDamping != null) misplaced.add("--initial-damping");
            if (o.minimumDamping != null) misplaced.add("--min-damping");
        }
        if (!misplaced.isEmpty()) {
            OptimizerKind other = optimizer == OptimizerKind.HF ? OptimizerKind.SGD : OptimizerKind.HF;
            throw new IllegalArgumentException(String.join(", ", misplaced) + " only apply with --optimizer " + other.key());
        }
    }

    private static int positive(String option, int value) {
        if (value < 1) throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        return value;
    }
}
