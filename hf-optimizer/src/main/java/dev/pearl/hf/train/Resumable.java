package dev.pearl.hf.train;

import dev.pearl.Params;

/**
 * An optimizer whose states can be written out and read back: restoring a saved state and
 * stepping on gives bit for bit what never stopping gives.
 */
public interface Resumable<S extends TrainingState, R extends IterationReport> extends Optimizer<S, R> {
    /** Everything of {@code state} except θ, which the caller stores beside it. */
    SavedState save(S state);

    /** The state {@link #save} wrote, around the restored θ. */
    S restore(Params parameters, SavedState saved);
}
