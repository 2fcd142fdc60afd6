package dev.pearl.hf.train;

/** The state after one iteration and the report of that iteration. */
public record Step<S extends TrainingState, R extends IterationReport>(S state, R report) {
}
