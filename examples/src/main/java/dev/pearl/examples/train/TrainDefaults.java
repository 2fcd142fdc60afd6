package dev.pearl.examples.train;

import dev.pearl.examples.data.Curves;
import dev.pearl.hf.BatchPlan;

/**
 * Defaults of the train command. CURVES has the paper's 20000 / 10000 images; on them (and on
 * MNIST) HF defaults to the stochastic plan that passed momentum SGD on CURVES within 30 minutes
 * on two cores (docs/results/curves-30min; that run also set λ0 = 1, which CURVES likes and
 * Fashion-MNIST does not, so λ0 stays Martens' 45), so that the command with no arguments shows
 * the error clearly falling within its ten minutes. A gradient batch as large as the training set
 * gives Martens' whole-set plan with his defaults.
 */
final class TrainDefaults {
    static final int CURVES_TRAIN_SIZE = Curves.DEFAULT_TRAIN_SIZE;
    static final int CURVES_TEST_SIZE = Curves.DEFAULT_TEST_SIZE;
    static final int MNIST_TRAIN_SIZE = 60_000;
    static final int MNIST_TEST_SIZE = 10_000;
    static final double MAX_SECONDS = 600;
    static final long SEED = 1;
    static final int EVAL_TRAIN_CAP = 10_000;
    /** Martens: 5000 of the 20000 CURVES cases per curvature batch. */
    static final int CURVATURE_BATCH_CAP = 5_000;
    /** Martens (2010): at most 250 CG steps per HF iteration. */
    static final int CG_MAX_ITERATIONS = 250;
    /** Stochastic HF: gradient batches of 1000 images when the training set holds at least two of them. */
    static final int STOCHASTIC_GRADIENT_BATCH = 1_000;
    /** Stochastic HF: curvature on the whole gradient batch, at most 1000 images of it. */
    static final int STOCHASTIC_CURVATURE_CAP = 1_000;
    /**
     * Stochastic HF: at most 25 CG steps. On CURVES 10, 50 and 100 all did worse in the first
     * minutes, and longer solves on one batch fit its noise (docs/results/curves-30min).
     */
    static final int STOCHASTIC_CG_MAX_ITERATIONS = 25;
    /** Martens (2010): λ0 = 45. */
    static final double INITIAL_DAMPING = 45;
    /**
     * Stochastic HF: λ stays at or above this. ρ measured on a step's own batch reads near 1 long
     * after steps mostly fit that batch's noise; without a floor λ fell to 1e-45 on CURVES and
     * training stalled (docs/results/curves-30min).
     */
    static final double STOCHASTIC_MIN_DAMPING = 1e-3;
    static final int STOCHASTIC_STEPS_CAP = 20;
    static final double LEARNING_RATE = 0.01;
    static final double MOMENTUM = 0.9;
    static final int BATCH_SIZE = 100;
    static final int SGD_EPOCHS_PER_ITERATION = 5;

    private TrainDefaults() {
    }

    /** A quarter of the training set, as in Martens' 5000 of 20000, at most {@link #CURVATURE_BATCH_CAP}. */
    static int curvatureBatch(int trainSize) {
        return Math.min(CURVATURE_BATCH_CAP, (trainSize + 3) / 4);
    }

    /** {@link #STOCHASTIC_GRADIENT_BATCH} when the training set holds two such batches, else the whole set (Martens' plan). */
    static int gradientBatch(int trainSize) {
        return trainSize >= 2 * STOCHASTIC_GRADIENT_BATCH ? STOCHASTIC_GRADIENT_BATCH : trainSize;
    }

    /** Stochastic HF: curvature on the whole gradient batch, at most {@link #STOCHASTIC_CURVATURE_CAP} images. */
    static int stochasticCurvatureBatch(int gradientBatch) {
        return Math.min(gradientBatch, STOCHASTIC_CURVATURE_CAP);
    }

    static int cgMaxIterations(boolean stochastic) {
        return stochastic ? STOCHASTIC_CG_MAX_ITERATIONS : CG_MAX_ITERATIONS;
    }

    static int evalTrainSize(int trainSize) {
        return Math.min(EVAL_TRAIN_CAP, trainSize);
    }

    /** Stochastic HF: a measurement after every pass over the training set, or after {@link #STOCHASTIC_STEPS_CAP} steps if sooner. */
    static int stochasticStepsPerIteration(int trainSize, int gradientBatch) {
        return Math.min(STOCHASTIC_STEPS_CAP, BatchPlan.chunkCount(trainSize, gradientBatch));
    }

    static int updatesPerIteration(int trainSize, int batchSize) {
        return SGD_EPOCHS_PER_ITERATION * ((trainSize + batchSize - 1) / batchSize);
    }
}
