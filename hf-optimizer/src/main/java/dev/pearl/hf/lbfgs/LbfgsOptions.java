package dev.pearl.hf.lbfgs;

import dev.pearl.hf.train.SettingChecks;

import java.util.Objects;

/**
 * Settings of {@link Lbfgs}.
 *
 * @param history       m, the curvature pairs kept (10)
 * @param batchSize     cases in the batch the objective and gradient are taken on; 0 for the whole
 *                      training set (0). Batches are drawn in the same seeded order as minibatches
 * @param stepsPerBatch steps taken on one batch before the next (20; irrelevant for the whole set)
 * @param lineSearch    the strong-Wolfe line search ({@link WolfeLineSearch#defaults()})
 * @param seed          base seed of the batch order (0)
 */
public record LbfgsOptions(int history, int batchSize, int stepsPerBatch, WolfeLineSearch lineSearch, long seed) {
    public static final int WHOLE_SET = 0;

    public LbfgsOptions {
        SettingChecks.atLeast("L-BFGS history", history, 1);
        SettingChecks.atLeast("L-BFGS batch size", batchSize, 0);
        SettingChecks.atLeast("L-BFGS steps per batch", stepsPerBatch, 1);
        Objects.requireNonNull(lineSearch, "lineSearch");
    }

    public static LbfgsOptions defaults() {
        return new LbfgsOptions(10, WHOLE_SET, 20, WolfeLineSearch.defaults(), 0);
    }

    public boolean wholeSet() {
        return batchSize == WHOLE_SET;
    }

    public LbfgsOptions withHistory(int m) {
        return new LbfgsOptions(m, batchSize, stepsPerBatch, lineSearch, seed);
    }

    /** Batches of {@code size} cases; {@link #WHOLE_SET} (0) for the whole training set. */
    public LbfgsOptions withBatchSize(int size) {
        return new LbfgsOptions(history, size, stepsPerBatch, lineSearch, seed);
    }

    public LbfgsOptions withStepsPerBatch(int steps) {
        return new LbfgsOptions(history, batchSize, steps, lineSearch, seed);
    }

    public LbfgsOptions withLineSearch(WolfeLineSearch search) {
        return new LbfgsOptions(history, batchSize, stepsPerBatch, search, seed);
    }

    public LbfgsOptions withSeed(long s) {
        return new LbfgsOptions(history, batchSize, stepsPerBatch, lineSearch, s);
    }
}
