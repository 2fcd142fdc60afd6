package dev.pearl.examples.train;

import dev.pearl.examples.data.Curves;

import java.util.Locale;

/**
 * Defaults of the train command beyond the optimizers' own (which live in their settings records
 * in hf-optimizer): data sizes, time limit, measurement. CURVES has the paper's 20000 / 10000
 * images, so that the command with no arguments shows the error clearly falling within its ten
 * minutes.
 */
final class TrainDefaults {
    static final int CURVES_TRAIN_SIZE = Curves.DEFAULT_TRAIN_SIZE;
    static final int CURVES_TEST_SIZE = Curves.DEFAULT_TEST_SIZE;
    static final int MNIST_TRAIN_SIZE = 60_000;
    static final int MNIST_TEST_SIZE = 10_000;
    /** Where Debian's dataset-fashion-mnist package puts the IDX files; --model lenet's default data. */
    static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";
    static final String FASHION_MNIST = "mnist-idx:" + FASHION_MNIST_DIR;
    /** --task: Martens and Sutskever's T = 100 with 100 hidden units; 10000 training and 2000 fresh test sequences. */
    static final int SEQUENCE_LENGTH = 100;
    static final int RNN_HIDDEN = 100;
    static final int SEQUENCE_TRAIN_SIZE = 10_000;
    static final int SEQUENCE_TEST_SIZE = 2_000;
    static final double MAX_SECONDS = 600;
    static final long SEED = 1;
    static final int EVAL_TRAIN_CAP = 10_000;
    /** Stochastic HF: a row of metrics.csv after every pass over the training set, or after this many steps if sooner. */
    static final int STOCHASTIC_STEPS_CAP = 20;
    /** Minibatch methods: a row after this many passes over the training set. */
    static final int MINIBATCH_EPOCHS_PER_ROUND = 5;
    /** L-BFGS: a row after this many steps (each takes one or more gradients of its batch). */
    static final int LBFGS_STEPS_PER_ROUND = 5;

    private TrainDefaults() {
    }

    static int evalTrainSize(int trainSize) {
        return Math.min(EVAL_TRAIN_CAP, trainSize);
    }

    /** Steps in {@link #MINIBATCH_EPOCHS_PER_ROUND} passes with minibatches of {@code batchSize} (at most the set). */
    static int minibatchStepsPerRound(int trainSize, int batchSize) {
        int size = Math.min(batchSize, trainSize);
        return MINIBATCH_EPOCHS_PER_ROUND * ((trainSize + size - 1) / size);
    }

    /** "minibatches of 100" or, when they hold the whole set, "the whole training set per step". */
    static String minibatches(int batchSize, int trainSize) {
        return batchSize >= trainSize ? "the whole training set per step" : String.format(Locale.ROOT, "minibatches of %d", batchSize);
    }
}
