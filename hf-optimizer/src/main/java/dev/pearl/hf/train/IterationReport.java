package dev.pearl.hf.train;

/** What every optimizer reports after an iteration. */
public interface IterationReport {
    /**
     * The iteration just completed, counting from 1.
     *
     * @return the iteration's number
     */
    int iteration();

    /**
     * The data loss the optimizer measured at its new parameters (see each report for the batch).
     *
     * @return the loss
     */
    double loss();

    /**
     * Wall-clock seconds the iteration took.
     *
     * @return the seconds
     */
    double seconds();

    /**
     * False when the step was rejected and the parameters did not move.
     *
     * @return whether θ moved
     */
    boolean accepted();
}
