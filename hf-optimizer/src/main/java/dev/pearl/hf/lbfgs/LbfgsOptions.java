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
    /** The batch size that means the whole training set. */
    public static final int WHOLE_SET = 0;

    /**
     * Checks the settings.
     *
     * @param history       m, &gt;= 1
     * @param batchSize     cases per batch, &gt;= 0 (0: the whole set)
     * @param stepsPerBatch steps per batch, &gt;= 1
     * @param lineSearch    the line search, not null
     * @param seed          base seed of the batch order
     * @throws IllegalArgumentException naming the first value out of range
     * @throws NullPointerException if lineSearch is null
     */
    public LbfgsOptions {
        SettingChecks.atLeast("L-BFGS history", history, 1);
        SettingChecks.atLeast("L-BFGS batch size", batchSize, 0);
        SettingChecks.atLeast("L-BFGS steps per batch", stepsPerBatch, 1);
        Objects.requireNonNull(lineSearch, "lineSearch");
    }

    /**
     * m = 10, the whole training set, 20 steps per batch, {@link WolfeLineSearch#defaults()}, seed 0.
     *
     * @return the defaults
     */
    public static LbfgsOptions defaults() {
        return new LbfgsOptions(10, WHOLE_SET, 20, WolfeLineSearch.defaults(), 0);
    }

    /**
     * Whether steps are taken on the whole training set.
     *
     * @return batchSize() == {@link #WHOLE_SET}
     */
    public boolean wholeSet() {
        return batchSize == WHOLE_SET;
    }

    /**
     * These settings with another history length.
     *
     * @param m the curvature pairs kept, &gt;= 1
     * @return new settings
     * @throws IllegalArgumentException if m is below 1
     */
    public LbfgsOptions withHistory(int m) {
        return new LbfgsOptions(m, batchSize, stepsPerBatch, lineSearch, seed);
    }

    /**
     * Batches of {@code size} cases; {@link #WHOLE_SET} (0) for the whole training set.
     *
     * @param size cases per batch, &gt;= 0
     * @return new settings
     * @throws IllegalArgumentException if size is negative
     */
    public LbfgsOptions withBatchSize(int size) {
        return new LbfgsOptions(history, size, stepsPerBatch, lineSearch, seed);
    }

    /**
     * These settings with another number of steps per batch.
     *
     * @param steps steps on one batch before the next, &gt;= 1
     * @return new settings
     * @throws IllegalArgumentException if steps is below 1
     */
    public LbfgsOptions withStepsPerBatch(int steps) {
        return new LbfgsOptions(history, batchSize, steps, lineSearch, seed);
    }

    /**
     * These settings with another line search.
     *
     * @param search the strong-Wolfe search
     * @return new settings
     * @throws NullPointerException if search is null
     */
    public LbfgsOptions withLineSearch(WolfeLineSearch search) {
        return new LbfgsOptions(history, batchSize, stepsPerBatch, search, seed);
    }

    /**
     * These settings with another batch-order seed.
     *
     * @param s base seed of the batch order
     * @return new settings
     */
    public LbfgsOptions withSeed(long s) {
        return new LbfgsOptions(history, batchSize, stepsPerBatch, lineSearch, s);
    }
}
