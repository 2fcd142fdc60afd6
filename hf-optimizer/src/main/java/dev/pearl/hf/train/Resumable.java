package dev.pearl.hf.train;

import dev.pearl.Params;

/**
 * An optimizer whose states can be written out and read back: restoring a saved state and
 * stepping on gives bit for bit what never stopping gives.
 *
 * @param <S> the optimizer's state
 * @param <R> the report of one iteration
 */
public interface Resumable<S extends TrainingState, R extends IterationReport> extends Optimizer<S, R> {
    /**
     * Everything of {@code state} except θ, which the caller stores beside it.
     *
     * @param state the state to save
     * @return the state's values other than θ
     */
    SavedState save(S state);

    /**
     * The state {@link #save} wrote, around the restored θ.
     *
     * @param parameters the restored θ
     * @param saved what {@link #save} wrote
     * @return the state
     * @throws IllegalArgumentException if saved lacks a value or holds one of the wrong kind
     */
    S restore(Params parameters, SavedState saved);
}
