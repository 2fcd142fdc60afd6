package dev.pearl.examples.train;

/**
 * The run's time, carried across resumes: elapsed (wall-clock time spent in the run, evaluation
 * and outputs included: what --max-seconds limits), and the parts of it spent in the optimizer
 * and in measuring errors.
 */
final class RunClock {
    private final double elapsedBefore;
    private final long sessionStart = System.nanoTime();
    private double trainSeconds;
    private double evalSeconds;
    private long lastIterationEnd = -1;
    private double lastIterationSeconds;

    /** Continues from the totals of an earlier session (zeros for a new run). */
    RunClock(double elapsedBefore, double trainSeconds, double evalSeconds, double lastIterationSeconds) {
        this.elapsedBefore = elapsedBefore;
        this.trainSeconds = trainSeconds;
        this.evalSeconds = evalSeconds;
        this.lastIterationSeconds = lastIterationSeconds;
    }

    double elapsed() {
        return elapsedBefore + (System.nanoTime() - sessionStart) * 1e-9;
    }

    double trainSeconds() {
        return trainSeconds;
    }

    double evalSeconds() {
        return evalSeconds;
    }

    void addTraining(double seconds) {
        trainSeconds += seconds;
    }

    void addEvaluation(double seconds) {
        evalSeconds += seconds;
    }

    /** Wall-clock seconds from the end of the iteration before the last one to the end of the last one. */
    double lastIterationSeconds() {
        return lastIterationSeconds;
    }

    /** Marks the start of the first iteration of this session. */
    void iterationsStart() {
        lastIterationEnd = System.nanoTime();
    }

    /** Marks the end of an iteration, for {@link #wouldOverrun}. */
    void iterationEnded() {
        long now = System.nanoTime();
        if (lastIterationEnd >= 0) lastIterationSeconds = (now - lastIterationEnd) * 1e-9;
        lastIterationEnd = now;
    }

    /**
     * True when the limit is reached, or when another iteration as long as the last one would end
     * past it: the run then ends by its limit rather than one (possibly long) iteration after it.
     */
    boolean wouldOverrun(double limitSeconds) {
        double now = elapsed();
        return now >= limitSeconds || now + lastIterationSeconds > limitSeconds;
    }
}
