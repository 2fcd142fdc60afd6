package dev.pearl.hf.train;

/** Steps any {@link Optimizer} until a {@link StopCondition} holds, telling a listener each time. */
public final class TrainingLoop {
    private TrainingLoop() {
    }

    /**
     * Runs from {@code state} (a fresh {@code optimizer.start(θ)} or a restored checkpoint) and
     * returns the final state. Stops early, between iterations, when the thread is interrupted.
     *
     * @param <S> the optimizer's state
     * @param <R> the report of one iteration
     * @param optimizer the optimizer
     * @param state the state to start from
     * @param stop when to stop, checked before every iteration
     * @param listener told about every iteration and CG step
     * @return the last state reached
     */
    public static <S extends TrainingState, R extends IterationReport> S run(Optimizer<S, R> optimizer, S state, StopCondition stop,
                                                                            TrainingListener<? super S, ? super R> listener) {
        long start = System.nanoTime();
        double lastLoss = Double.NaN;
        while (!stop.shouldStop(state.iteration(), lastLoss, (System.nanoTime() - start) * 1e-9) && !Thread.currentThread().isInterrupted()) {
            Step<S, R> step = optimizer.step(state, listener::onCgIteration);
            state = step.state();
            lastLoss = step.report().loss();
            listener.onIteration(step.report(), state);
        }
        return state;
    }
}
