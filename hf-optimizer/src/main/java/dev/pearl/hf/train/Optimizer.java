package dev.pearl.hf.train;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgProgress;

import java.util.function.Consumer;

/**
 * An iterative optimizer as a pure step function on an immutable state, so a caller can keep,
 * checkpoint and resume any state.
 *
 * @param <S> the optimizer's state
 * @param <R> the report of one iteration
 */
public interface Optimizer<S extends TrainingState, R extends IterationReport> {
    /**
     * The state before the first iteration.
     *
     * @param initial θ0
     * @return the state at iteration 0
     * @throws IllegalArgumentException if initial holds a NaN or infinite value
     */
    S start(Params initial);

    /**
     * One iteration from {@code state}.
     *
     * @param state the state before the iteration (not changed)
     * @param cgProgress told about every inner CG step (optimizers without CG never call it)
     * @return the state after it and its report
     */
    Step<S, R> step(S state, Consumer<CgProgress> cgProgress);

    /**
     * One iteration from {@code state}, without CG progress.
     *
     * @param state the state before the iteration (not changed)
     * @return the state after it and its report
     */
    default Step<S, R> step(S state) {
        return step(state, progress -> {
        });
    }
}
