package dev.pearl.examples.train;

import dev.pearl.hf.train.IterationReport;
import dev.pearl.hf.train.TrainingState;

/** How an optimizer's rounds fill the optimizer columns of metrics.csv and its part of the progress line. */
interface RowFormat<S extends TrainingState, R extends IterationReport> {
    /** Details of the starting point (iteration 0). */
    IterationDetails initial(S state);

    IterationDetails details(Rounds.Round<R> round);

    /** The header over {@link IterationDetails#progress()}. */
    String header();
}
