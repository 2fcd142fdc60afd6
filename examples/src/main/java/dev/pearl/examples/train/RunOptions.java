package dev.pearl.examples.train;

import picocli.CommandLine.Option;

/**
 * The options that decide a run's result. Each is null when not given: a new run then takes the
 * default for its data set and size ({@link ConfigResolver}); a resumed run keeps its stored value,
 * and an option that contradicts it is an error.
 */
public final class RunOptions {
    @Option(names = "--dataset", paramLabel = "curves|mnist-idx:DIR",
            description = "Images to auto-encode: CURVES generated in code, or MNIST-format IDX files (train-images-idx3-ubyte and "
                    + "t10k-images-idx3-ubyte, raw or .gz) in DIR. Default: curves.")
    String dataset;

    @Option(names = "--optimizer", paramLabel = "hf|sgd", description = "Hessian-free (default) or minibatch SGD with Nesterov momentum.")
    String optimizer;

    @Option(names = "--train-size", paramLabel = "N",
            description = "Training images (default: " + TrainDefaults.CURVES_TRAIN_SIZE + " CURVES, all 60000 MNIST).")
    Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N",
            description = "Test images (default: " + TrainDefaults.CURVES_TEST_SIZE + " CURVES, all 10000 MNIST).")
    Integer testSize;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds the CURVES images, the initial weights and the optimizer (default: 1).")
    Long seed;

    @Option(names = "--dtype", paramLabel = "float32|float64", description = "Floating-point type (default: float32).")
    String dtype;

    @Option(names = "--layers", paramLabel = "SIZES", hidden = true,
            description = "Auto-encoder layer sizes, comma-separated (default: the paper's network for the data set).")
    String layers;

    @Option(names = "--weight-cost", paramLabel = "C", description = "L2 cost (C/2)·Σw² on the weights (default: 1e-5).")
    Double weightCost;

    @Option(names = "--eval-train-size", paramLabel = "N",
            description = "Train error is measured on the first N training images (default: all, at most "
                    + TrainDefaults.EVAL_TRAIN_CAP + ").")
    Integer evalTrainSize;

    @Option(names = "--curvature-batch", paramLabel = "N",
            description = "HF: images per curvature chunk, chunks taken in turn (default: stochastic HF the whole gradient batch, at most "
                    + TrainDefaults.STOCHASTIC_CURVATURE_CAP + "; whole-set HF a quarter of the training set, at most "
                    + TrainDefaults.CURVATURE_BATCH_CAP + ").")
    Integer curvatureBatch;

    @Option(names = "--line-search-batch", paramLabel = "N",
            description = "HF: CG-backtracking and the line search use the first N training images (default: the curvature batch size; "
                    + "stochastic HF searches on each gradient batch and takes no such option).")
    Integer lineSearchBatch;

    @Option(names = "--gradient-batch", paramLabel = "N",
            description = "HF: images per gradient batch, batches taken in turn (default: " + TrainDefaults.STOCHASTIC_GRADIENT_BATCH
                    + " when the training set holds at least " + 2 * TrainDefaults.STOCHASTIC_GRADIENT_BATCH + ", else all of it). "
                    + "Fewer than the training set: stochastic HF, whose curvature batch and line search come from each gradient batch; "
                    + "the whole training set: Martens' plan.")
    Integer gradientBatch;

    @Option(names = "--cg-max-iterations", paramLabel = "N", description = "HF: CG steps at most per HF step (default: stochastic HF "
            + TrainDefaults.STOCHASTIC_CG_MAX_ITERATIONS + ", whole-set HF " + TrainDefaults.CG_MAX_ITERATIONS + ", Martens').")
    Integer cgMaxIterations;

    @Option(names = "--initial-damping", paramLabel = "L", description = "HF: the damping λ of the first step (default: "
            + TrainDefaults.INITIAL_DAMPING + ", Martens').")
    Double initialDamping;

    @Option(names = "--min-damping", paramLabel = "L", description = "HF: λ never falls below L (default: none; stochastic HF "
            + TrainDefaults.STOCHASTIC_MIN_DAMPING + ", since ρ measured on each step's own batch lets λ decay without bound).")
    Double minimumDamping;

    @Option(names = "--learning-rate", paramLabel = "E", description = "SGD: learning rate (default: " + TrainDefaults.LEARNING_RATE + ").")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "MU", description = "SGD: Nesterov momentum (default: " + TrainDefaults.MOMENTUM + ").")
    Double momentum;

    @Option(names = "--batch-size", paramLabel = "N", description = "SGD: images per minibatch (default: " + TrainDefaults.BATCH_SIZE + ").")
    Integer batchSize;

    @Option(names = "--updates-per-iteration", paramLabel = "N",
            description = "SGD and stochastic HF: steps between two measurements, one row of metrics.csv (default: SGD "
                    + TrainDefaults.SGD_EPOCHS_PER_ITERATION + " epochs; stochastic HF one pass over the training set, at most "
                    + TrainDefaults.STOCHASTIC_STEPS_CAP + " steps).")
    Integer updatesPerIteration;
}
