package dev.pearl.hf.train;

import dev.pearl.hf.cg.CgProgress;

/**
 * Sees every iteration (with the state to checkpoint) and, optionally, every inner CG step.
 *
 * @param <S> the optimizer's state
 * @param <R> the report of one iteration
 */
@FunctionalInterface
public interface TrainingListener<S, R> {
    /**
     * Called after each iteration.
     *
     * @param report the iteration's report
     * @param state the state after it
     */
    void onIteration(R report, S state);

    /**
     * Called after each inner CG step; does nothing by default.
     *
     * @param progress the solve so far
     */
    default void onCgIteration(CgProgress progress) {
    }

    /**
     * A listener that ignores everything.
     *
     * @param <S> the optimizer's state
     * @param <R> the report of one iteration
     * @return the listener
     */
    static <S, R> TrainingListener<S, R> none() {
        return (report, state) -> {
        };
    }
}
