package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgProgress;
import dev.pearl.hf.train.IterationReport;
import dev.pearl.hf.train.Optimizer;
import dev.pearl.hf.train.Step;
import dev.pearl.hf.train.TrainingState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An optimizer run in rounds of a fixed number of its own steps. Measuring the errors after every
 * minibatch step (SGD, stochastic HF) would cost more than training, so the training run sees one
 * round as one iteration: one row of metrics.csv, one checkpoint, one progress line.
 */
final class Rounds<S extends TrainingState, R extends IterationReport> implements Optimizer<Rounds.State<S>, Rounds.Round<R>> {
    /** The inner state after a whole number of rounds; {@code iteration} counts rounds, {@code inner.iteration()} steps. */
    record State<S extends TrainingState>(S inner, int iteration) implements TrainingState {
        @Override
        public Params parameters() {
            return inner.parameters();
        }
    }

    /** The reports of one round's steps, in order. */
    record Round<R extends IterationReport>(int iteration, List<R> steps, double seconds) implements IterationReport {
        Round {
            if (steps.isEmpty()) throw new IllegalArgumentException("a round has at least one step");
            steps = List.copyOf(steps);
        }

        R last() {
            return steps.get(steps.size() - 1);
        }

        /** The last step's loss. */
        @Override
        public double loss() {
            return last().loss();
        }

        /** Whether any step moved the parameters. */
        @Override
        public boolean accepted() {
            return steps.stream().anyMatch(IterationReport::accepted);
        }

        int rejected() {
            return (int) steps.stream().filter(r -> !r.accepted()).count();
        }
    }

    private final Optimizer<S, R> optimizer;
    private final int stepsPerRound;

    Rounds(Optimizer<S, R> optimizer, int stepsPerRound) {
        if (stepsPerRound < 1) throw new IllegalArgumentException("a round needs at least one step, got " + stepsPerRound);
        this.optimizer = optimizer;
        this.stepsPerRound = stepsPerRound;
    }

    @Override
    public State<S> start(Params initial) {
        return new State<>(optimizer.start(initial), 0);
    }

    @Override
    public Step<State<S>, Round<R>> step(State<S> state, Consumer<CgProgress> cgProgress) {
        long t0 = System.nanoTime();
        S s = state.inner();
        List<R> reports = new ArrayList<>(stepsPerRound);
        for (int i = 0; i < stepsPerRound; i++) {
            Step<S, R> step = optimizer.step(s, cgProgress);
            s = step.state();
            reports.add(step.report());
        }
        State<S> next = new State<>(s, state.iteration() + 1);
        return new Step<>(next, new Round<>(next.iteration(), reports, (System.nanoTime() - t0) * 1e-9));
    }
}
