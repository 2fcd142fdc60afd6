package dev.pearl.examples.train;

import dev.pearl.hf.HfSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options that decide a run's result. Each is null when not given: a new run then takes the
 * default for its data set and size ({@link ConfigResolver}) or, for an optimizer's setting, its
 * settings record's default ({@link OptimizerChoice}); a resumed run keeps its stored value, and
 * an option that contradicts it is an error. An optimizer's setting given for another optimizer
 * is an error too. The defaults of every optimizer are listed at the end of --help.
 */
public final class RunOptions {
    @Option(names = "--model", paramLabel = "autoencoder|lenet|rnn",
            description = "What to train: the deep auto-encoder of the data set (the default), lenet, a LeNet-5-like classifier of "
                    + "labelled 28x28 images (default data set: Fashion-MNIST in " + TrainDefaults.FASHION_MNIST_DIR + "), or rnn, "
                    + "a tanh RNN on a --task.")
    String model;

    @Mixin
    TaskOptions task = new TaskOptions();

    @Option(names = "--dataset", paramLabel = "curves|mnist-idx:DIR",
            description = "Images to auto-encode: CURVES generated in code, or MNIST-format IDX files (train-images-idx3-ubyte and "
                    + "t10k-images-idx3-ubyte, raw or .gz; for lenet also train-labels-idx1-ubyte and t10k-labels-idx1-ubyte) in DIR. "
                    + "Default: curves; lenet: mnist-idx:" + TrainDefaults.FASHION_MNIST_DIR + ".")
    String dataset;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "hf (Hessian-free, the default), sgd, nesterov, adam, rmsprop or lbfgs; their settings follow, and their defaults "
                    + "are listed below.")
    String optimizer;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "Start a new run from the settings 'pearl tune' chose, written to FILE, and its optimizer; options given here "
                    + "override them. A file tuned on other data, another network, other sizes or this run's --seed is refused.")
    Path settings;

    @Option(names = "--train-size", paramLabel = "N",
            description = "Training images or --task sequences (default: " + TrainDefaults.CURVES_TRAIN_SIZE + " CURVES, all 60000 MNIST, "
                    + TrainDefaults.SEQUENCE_TRAIN_SIZE + " sequences).")
    Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N",
            description = "Test images or fresh --task sequences (default: " + TrainDefaults.CURVES_TEST_SIZE + " CURVES, all 10000 MNIST, "
                    + TrainDefaults.SEQUENCE_TEST_SIZE + " sequences).")
    Integer testSize;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds the CURVES images or --task sequences, the initial weights and the optimizer (default: 1).")
    Long seed;

    @Option(names = "--dtype", paramLabel = "float32|float64", description = "Floating-point type (default: float32; float64 for --task).")
    String dtype;

    @Option(names = "--layers", paramLabel = "SIZES", hidden = true,
            description = "Auto-encoder layer sizes, comma-separated (default: the paper's network for the data set).")
    String layers;

    @Option(names = "--weight-cost", paramLabel = "C", description = "L2 cost (C/2)·Σw² on the weights, for every optimizer (default: 1e-5; --task: "
            + SequenceDefaults.WEIGHT_COST + ", Sutskever's RNN code's).")
    Double weightCost;

    @Option(names = "--eval-train-size", paramLabel = "N",
            description = "Train error is measured on the first N training cases (default: all, at most "
                    + TrainDefaults.EVAL_TRAIN_CAP + ").")
    Integer evalTrainSize;

    @Option(names = "--updates-per-iteration", paramLabel = "N",
            description = "Optimizer steps between two measurements, one row of metrics.csv (default: minibatch methods "
                    + TrainDefaults.MINIBATCH_EPOCHS_PER_ROUND + " epochs; stochastic HF one pass over the training set, at most "
                    + TrainDefaults.STOCHASTIC_STEPS_CAP + " steps; whole-set HF 1; lbfgs " + TrainDefaults.LBFGS_STEPS_PER_ROUND + ").")
    Integer updatesPerIteration;

    @Option(names = "--gradient-batch", paramLabel = "N",
            description = "hf: cases (images or sequences) per gradient batch, batches taken in turn (default: " + HfSettings.STOCHASTIC_GRADIENT_BATCH
                    + " when the training set holds at least " + 2 * HfSettings.STOCHASTIC_GRADIENT_BATCH + ", else all of it). "
                    + "Fewer than the training set: stochastic HF, whose curvature batch and line search come from each gradient batch; "
                    + "the whole training set: Martens' plan.")
    Integer gradientBatch;

    @Option(names = "--curvature-batch", paramLabel = "N",
            description = "hf: cases per curvature chunk, chunks taken in turn (default: stochastic HF the whole gradient batch, at most "
                    + HfSettings.STOCHASTIC_CURVATURE_CAP + "; whole-set HF a quarter of the training set, at most "
                    + HfSettings.CURVATURE_BATCH_CAP + ").")
    Integer curvatureBatch;

    @Option(names = "--line-search-batch", paramLabel = "N",
            description = "hf: CG-backtracking and the line search use the first N training cases (default: the curvature batch size; "
                    + "stochastic HF searches on each gradient batch and takes no such option).")
    Integer lineSearchBatch;

    @Option(names = "--cg-max-iterations", paramLabel = "N", description = "hf: CG steps at most per HF step (default: stochastic HF "
            + HfSettings.STOCHASTIC_CG_MAX_ITERATIONS + ", whole-set HF " + HfSettings.CG_MAX_ITERATIONS + ", Martens').")
    Integer cgMaxIterations;

    @Option(names = "--initial-damping", paramLabel = "L", description = "hf: the damping λ of the first step (default: "
            + HfSettings.INITIAL_DAMPING + ", Martens'); a default floor above it is lowered to it.")
    Double initialDamping;

    @Option(names = "--min-damping", paramLabel = "L", description = "hf: λ never falls below L (default: none; stochastic HF "
            + HfSettings.STOCHASTIC_MIN_DAMPING + ", since ρ measured on each step's own batch lets λ decay without bound).")
    Double minimumDamping;

    @Option(names = "--damping-decrease", paramLabel = "F", description = "hf: λ is multiplied by F after a step whose rho exceeds 3/4, "
            + "in (0, 2/3] (default: 2/3, Martens').")
    Double dampingDecrease;

    @Option(names = "--structural-damping", paramLabel = "MU",
            description = "hf: mu of structural damping (Martens & Sutskever 2011), which adds lambda*mu times the Gauss-Newton matrix of "
                    + "a penalty on changes of the RNN's hidden states to the curvature (default: 1/30, theirs); 0 turns it off (plain "
                    + "Gauss-Newton). Only --task's RNN declares hidden states to damp, so other models take no other value.")
    Double structuralDamping;

    @Option(names = "--learning-rate", paramLabel = "E", description = "sgd, nesterov, adam, rmsprop: the step size.")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "MU", description = "sgd: the constant Nesterov momentum, in [0, 1).")
    Double momentum;

    @Option(names = "--max-momentum", paramLabel = "MU",
            description = "nesterov: the cap of Sutskever et al.'s schedule, which rises from 0.5 every 250 steps, in [0, 1).")
    Double maxMomentum;

    @Option(names = "--beta1", paramLabel = "B", description = "adam: decay of the gradient's running mean, in [0, 1).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B", description = "adam: decay of the squared gradient's running mean, in [0, 1).")
    Double beta2;

    @Option(names = "--decay", paramLabel = "RHO", description = "rmsprop: decay of the squared gradient's running mean, in [0, 1).")
    Double decay;

    @Option(names = "--epsilon", paramLabel = "EPS", description = "adam, rmsprop: added to the root mean square, > 0.")
    Double epsilon;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "sgd, nesterov, adam, rmsprop: cases per minibatch (at most the training set); lbfgs: cases per batch, "
                    + "0 for the whole training set.")
    Integer batchSize;

    @Option(names = "--history", paramLabel = "M", description = "lbfgs: curvature pairs kept.")
    Integer history;

    @Option(names = "--steps-per-batch", paramLabel = "N", description = "lbfgs: steps on one batch before the next.")
    Integer stepsPerBatch;
}
