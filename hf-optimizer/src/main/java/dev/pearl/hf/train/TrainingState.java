package dev.pearl.hf.train;

import dev.pearl.Params;

/**
 * Everything an optimizer needs to continue: saving it and stepping on from the saved copy gives
 * the same result as never stopping.
 */
public interface TrainingState {
    /**
     * The optimizer's current parameters θ.
     *
     * @return θ
     */
    Params parameters();

    /**
     * Iterations completed.
     *
     * @return the count, from 0
     */
    int iteration();
}
