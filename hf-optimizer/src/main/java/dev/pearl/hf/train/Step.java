package dev.pearl.hf.train;

/**
 * The state after one iteration and the report of that iteration.
 *
 * @param <S> the optimizer's state
 * @param <R> the report's type
 * @param state the state after the iteration
 * @param report what the iteration did
 */
public record Step<S extends TrainingState, R extends IterationReport>(S state, R report) {
}
