package dev.pearl.hf.train;

import dev.pearl.hf.cg.CgProgress;

/** Sees every iteration (with the state to checkpoint) and, optionally, every inner CG step. */
@FunctionalInterface
public interface TrainingListener<S, R> {
    void onIteration(R report, S state);

    default void onCgIteration(CgProgress progress) {
    }

    static <S, R> TrainingListener<S, R> none() {
        return (report, state) -> {
        };
    }
}
