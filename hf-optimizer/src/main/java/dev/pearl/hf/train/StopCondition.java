package dev.pearl.hf.train;

/** When a training loop ends, checked before every iteration. */
@FunctionalInterface
public interface StopCondition {
    /**
     * @param iterations     iterations completed in total (across resumes)
     * @param lastLoss       the last reported loss, NaN before the first iteration of this run
     * @param elapsedSeconds seconds spent in this run
     */
    boolean shouldStop(int iterations, double lastLoss, double elapsedSeconds);

    static StopCondition afterIterations(int total) {
        if (total < 0) throw new IllegalArgumentException("iteration limit must be >= 0, got " + total);
        return (iterations, loss, seconds) -> iterations >= total;
    }

    static StopCondition afterSeconds(double limit) {
        if (!(limit >= 0)) throw new IllegalArgumentException("time limit must be >= 0, got " + limit);
        return (iterations, loss, seconds) -> seconds >= limit;
    }

    static StopCondition lossBelow(double target) {
        return (iterations, loss, seconds) -> loss < target;
    }

    default StopCondition or(StopCondition other) {
        return (iterations, loss, seconds) -> shouldStop(iterations, loss, seconds) || other.shouldStop(iterations, loss, seconds);
    }
}
