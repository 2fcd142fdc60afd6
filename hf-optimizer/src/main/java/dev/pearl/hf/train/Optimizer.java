package dev.pearl.hf.train;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgProgress;

import java.util.function.Consumer;

/**
 * An iterative optimizer as a pure step function on an immutable state, so a caller can keep,
 * checkpoint and resume any state.
 */
public interface Optimizer<S extends TrainingState, R extends IterationReport> {
    /** The state before the first iteration. */
    S start(Params initial);

    /**
     * One iteration from {@code state}.
     *
     * @param cgProgress told about every inner CG step (optimizers without CG never call it)
     */
    Step<S, R> step(S state, Consumer<CgProgress> cgProgress);

    default Step<S, R> step(S state) {
        return step(state, progress -> {
        });
    }
}
