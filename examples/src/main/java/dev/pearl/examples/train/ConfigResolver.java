package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;
import dev.pearl.hf.HfOptions;
import dev.pearl.tensor.DType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the command-line options into a {@link RunConfig}: with defaults for a new run, or checked
 * against a resumed one. The optimizer's settings go through its {@link OptimizerChoice}.
 */
final class ConfigResolver {
    private ConfigResolver() {
    }

    /** The --model value; --task implies rnn. */
    static ModelKind model(RunOptions o) {
        ModelKind model = o.task.name != null && o.model == null ? ModelKind.RNN : ModelKind.parse(o.model);
        if (o.task.name != null && model != ModelKind.RNN)
            throw new IllegalArgumentException("--task trains a tanh RNN; drop --model " + o.model);
        if (model != ModelKind.RNN && (o.task.length != null || o.task.hidden != null))
            throw new IllegalArgumentException((o.task.length != null ? "--length" : "--hidden") + " goes with --task");
        return model;
    }

    /** --task, --length and --hidden of an RNN run (null for other models). */
    static SequenceSpec sequence(RunOptions o) {
        if (model(o) != ModelKind.RNN) return null;
        if (o.task.name == null) throw new IllegalArgumentException("--model rnn needs a --task NAME");
        return new SequenceSpec(o.task.name, o.task.length != null ? o.task.length : TrainDefaults.SEQUENCE_LENGTH,
                o.task.hidden != null ? o.task.hidden : TrainDefaults.RNN_HIDDEN);
    }

    /** The --dataset value, by default CURVES for the auto-encoder and Fashion-MNIST for LeNet; an RNN's task name. */
    static String dataset(RunOptions o) {
        SequenceSpec sequence = sequence(o);
        if (sequence != null) {
            if (o.dataset != null) throw new IllegalArgumentException("--task generates its sequences; drop --dataset " + o.dataset);
            if (o.layers != null) throw new IllegalArgumentException("--layers sets an auto-encoder's sizes; --task trains a tanh RNN (size it with --hidden)");
            return sequence.task();
        }
        String d = o.dataset != null ? o.dataset : model(o) == ModelKind.LENET ? TrainDefaults.FASHION_MNIST : Datasets.CURVES;
        boolean known = d.equalsIgnoreCase(Datasets.CURVES) || d.startsWith(Datasets.MNIST_IDX_PREFIX) && d.length() > Datasets.MNIST_IDX_PREFIX.length();
        if (!known) throw new IllegalArgumentException("unknown --dataset '" + d + "' (expected curves or mnist-idx:DIR)");
        return d.equalsIgnoreCase(Datasets.CURVES) ? Datasets.CURVES : d;
    }

    static boolean isCurves(String dataset) {
        return dataset.equals(Datasets.CURVES);
    }

    /** Training images to load: as given, or the data set's default (MNIST: all of them). */
    static int requestedTrainSize(RunOptions o, String dataset) {
        if (o.task.name != null && o.trainSize == null) return TrainDefaults.SEQUENCE_TRAIN_SIZE;
        return positive("--train-size", o.trainSize != null ? o.trainSize : isCurves(dataset) ? TrainDefaults.CURVES_TRAIN_SIZE : TrainDefaults.MNIST_TRAIN_SIZE);
    }

    static int requestedTestSize(RunOptions o, String dataset) {
        if (o.task.name != null && o.testSize == null) return TrainDefaults.SEQUENCE_TEST_SIZE;
        return positive("--test-size", o.testSize != null ? o.testSize : isCurves(dataset) ? TrainDefaults.CURVES_TEST_SIZE : TrainDefaults.MNIST_TEST_SIZE);
    }

    static long seed(RunOptions o) {
        return o.seed != null ? o.seed : TrainDefaults.SEED;
    }

    /** The --dtype value, by default the model's ({@link ModelKind#defaultDType()}). */
    static DType dtype(RunOptions o) {
        return o.dtype != null ? DType.parse(o.dtype) : model(o).defaultDType();
    }

    /** A new run on data of the given (loaded) sizes; options not given take their defaults. */
    static RunConfig fresh(RunOptions o, String dataset, int trainSize, int testSize, Integer maxIterations, Double maxSeconds) {
        return fresh(o, null, dataset, trainSize, testSize, maxIterations, maxSeconds);
    }

    /**
     * As {@link #fresh(RunOptions, String, int, int, Integer, Double)}, starting from the settings
     * of {@code tuned} (the --settings file, or null) where the options do not give them.
     */
    static RunConfig fresh(RunOptions o, SettingsFile tuned, String dataset, int trainSize, int testSize, Integer maxIterations, Double maxSeconds) {
        OptimizerChoice<?> choice = tuned == null ? Optimizers.parse(o.optimizer) : tunedOptimizer(o, tuned);
        Optimizers.rejectMisplaced(choice, o);
        ModelKind model = model(o);
        if (o.structuralDamping != null && o.structuralDamping != HfOptions.STRUCTURAL_DAMPING && !model.hasStructuralValues())
            throw new IllegalArgumentException("--structural-damping " + o.structuralDamping + ": --model " + model.key()
                    + " declares no hidden states to damp (only --task's RNN does); drop it");
        if (model != ModelKind.AUTOENCODER && o.layers != null)
            throw new IllegalArgumentException("--layers sets an auto-encoder's sizes; --model " + model.key() + " has a fixed network");
        int[] layers = model != ModelKind.AUTOENCODER ? new int[0] : o.layers != null ? Architecture.parse(o.layers) : Architecture.forDataset(dataset);
        SequenceSpec sequence = sequence(o);
        Map<String, Object> tunedValues = Map.of();
        if (tuned != null) {
            String source = String.valueOf(o.settings);
            tuned.checkFits(dataset, SettingsFile.network(layers, sequence), trainSize, testSize, seed(o), source);
            tunedValues = choice.parseFlags(tuned.chosenFlags(), source);
        }
        // The model's own defaults lie beneath the tuned values, which lie beneath the options given.
        Integer gradientBatch = o.gradientBatch != null ? o.gradientBatch : (Integer) tunedValues.get("gradient_batch");
        Map<String, Object> start = new LinkedHashMap<>(model.settingDefaults(choice, sequence, trainSize, gradientBatch));
        start.putAll(tunedValues);
        Configured<?> optimizer = Configured.fromOptions(choice, o, trainSize, start);
        return new RunConfig(dataset, model, trainSize, testSize, seed(o), dtype(o), layers,
                o.weightCost != null ? o.weightCost : model.weightCost(),
                o.evalTrainSize != null ? o.evalTrainSize : TrainDefaults.evalTrainSize(trainSize),
                optimizer,
                o.updatesPerIteration != null ? o.updatesPerIteration : optimizer.defaultStepsPerRound(trainSize),
                maxIterations != null ? maxIterations : Integer.MAX_VALUE,
                maxSeconds != null ? maxSeconds : TrainDefaults.MAX_SECONDS, sequence, null);
    }

    /**
     * The stored configuration of a resumed run. Options that would change its result must agree
     * with it (one message lists every disagreement); new limits replace the stored ones.
     */
    static RunConfig resumed(RunConfig stored, RunOptions o, Integer maxIterations, Double maxSeconds) {
        List<String> conflicts = new ArrayList<>();
        if (o.model != null) check(conflicts, "--model", model(o).key(), stored.model().key());
        if (o.dataset != null) check(conflicts, "--dataset", dataset(o), stored.dataset());
        SequenceSpec sequence = stored.sequence();
        if (sequence != null) {
            check(conflicts, "--task", o.task.name, sequence.task());
            check(conflicts, "--length", o.task.length, sequence.length());
            check(conflicts, "--hidden", o.task.hidden, sequence.hidden());
        } else if (o.task.name != null || o.task.length != null || o.task.hidden != null) {
            conflicts.add((o.task.name != null ? "--task " + o.task.name : o.task.length != null ? "--length " + o.task.length : "--hidden " + o.task.hidden)
                    + " (the run trains --model " + stored.model().key() + ")");
        }
        OptimizerChoice<?> given = o.optimizer != null ? Optimizers.parse(o.optimizer) : stored.optimizer().choice();
        if (given != stored.optimizer().choice()) conflicts.add("--optimizer " + given.key() + " (the run has " + stored.optimizer().key() + ")");
        else Optimizers.rejectMisplaced(given, o);
        check(conflicts, "--train-size", o.trainSize, stored.trainSize());
        check(conflicts, "--test-size", o.testSize, stored.testSize());
        check(conflicts, "--seed", o.seed, stored.seed());
        if (o.dtype != null) check(conflicts, "--dtype", DType.parse(o.dtype).toString(), stored.dtype().toString());
        if (o.layers != null && !Arrays.equals(Architecture.parse(o.layers), stored.layers()))
            conflicts.add("--layers " + o.layers + " (the run has " + Architecture.format(stored.layers()) + ")");
        check(conflicts, "--weight-cost", o.weightCost, stored.weightCost());
        check(conflicts, "--eval-train-size", o.evalTrainSize, stored.evalTrainSize());
        conflicts.addAll(stored.optimizer().conflicts(o));
        check(conflicts, "--updates-per-iteration", o.updatesPerIteration, stored.updatesPerIteration());
        if (!conflicts.isEmpty())
            throw new IllegalArgumentException("a resumed run keeps its settings, but " + String.join(", ", conflicts)
                    + "; drop these options, or start a new run with --out");
        return stored.withLimits(maxIterations != null ? maxIterations : stored.maxIterations(),
                maxSeconds != null ? maxSeconds : stored.maxSeconds());
    }

    /** The tuning file's optimizer; --optimizer may name it again but not another. */
    private static OptimizerChoice<?> tunedOptimizer(RunOptions o, SettingsFile tuned) {
        OptimizerChoice<?> inFile;
        try {
            inFile = Optimizers.parse(tuned.optimizer());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(o.settings + ": " + e.getMessage(), e);
        }
        if (o.optimizer != null && Optimizers.parse(o.optimizer) != inFile)
            throw new IllegalArgumentException("--optimizer " + o.optimizer + " contradicts --settings " + o.settings + ", which holds settings of "
                    + inFile.key());
        return inFile;
    }

    private static void check(List<String> conflicts, String option, Object given, Object stored) {
        if (given != null && !Objects.equals(given, stored)) conflicts.add(option + " " + given + " (the run has " + stored + ")");
    }

    private static int positive(String option, int value) {
        if (value < 1) throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        return value;
    }
}
