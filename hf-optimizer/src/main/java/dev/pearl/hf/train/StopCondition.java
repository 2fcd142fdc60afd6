package dev.pearl.hf.train;

/** When a training loop ends, checked before every iteration. */
@FunctionalInterface
public interface StopCondition {
    /**
     * Whether to stop now.
     *
     * @param iterations     iterations completed in total (across resumes)
     * @param lastLoss       the last reported loss, NaN before the first iteration of this run
     * @param elapsedSeconds seconds spent in this run
     * @return true to stop before the next iteration
     */
    boolean shouldStop(int iterations, double lastLoss, double elapsedSeconds);

    /**
     * Stops once {@code total} iterations are completed, counting those before a resume.
     *
     * @param total the iteration limit, &gt;= 0
     * @return the condition
     * @throws IllegalArgumentException if total is negative
     */
    static StopCondition afterIterations(int total) {
        if (total < 0) throw new IllegalArgumentException("iteration limit must be >= 0, got " + total);
        return (iterations, loss, seconds) -> iterations >= total;
    }

    /**
     * Stops once this run has taken {@code limit} seconds.
     *
     * @param limit the time limit in seconds, &gt;= 0
     * @return the condition
     * @throws IllegalArgumentException if limit is negative or NaN
     */
    static StopCondition afterSeconds(double limit) {
        if (!(limit >= 0)) throw new IllegalArgumentException("time limit must be >= 0, got " + limit);
        return (iterations, loss, seconds) -> seconds >= limit;
    }

    /**
     * Stops once the last reported loss is below {@code target}.
     *
     * @param target the loss to reach
     * @return the condition
     */
    static StopCondition lossBelow(double target) {
        return (iterations, loss, seconds) -> loss < target;
    }

    /**
     * Stops when this condition or the other says so.
     *
     * @param other the other condition
     * @return the combined condition
     */
    default StopCondition or(StopCondition other) {
        return (iterations, loss, seconds) -> shouldStop(iterations, loss, seconds) || other.shouldStop(iterations, loss, seconds);
    }
}
