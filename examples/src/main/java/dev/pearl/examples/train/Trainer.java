package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.hf.train.IterationReport;
import dev.pearl.hf.train.Optimizer;
import dev.pearl.hf.train.Resumable;
import dev.pearl.hf.train.SavedState;
import dev.pearl.hf.train.TrainingState;

import java.util.List;
import java.util.Objects;

/**
 * One optimizer as the training run sees it: stepped in rounds (one round per row of
 * metrics.csv), its state saved and restored through {@link Resumable}, and its rounds described
 * by a {@link RowFormat}.
 */
final class Trainer<S extends TrainingState, R extends IterationReport> {
    /** Extra metrics.csv columns, the same for every optimizer so that their files line up. */
    static final List<String> EXTRA_COLUMNS = List.of("train_s", "eval_s", "iteration_s", "gradient_s", "cg_s", "linesearch_s", "gv_products",
            "cg_stop", "backtrack_iterate", "step", "batch_objective", "updates", "epochs", "learning_rate", "momentum");

    private final Resumable<S, R> optimizer;
    private final Rounds<S, R> rounds;
    private final RowFormat<S, R> rows;

    Trainer(Resumable<S, R> optimizer, int stepsPerRound, RowFormat<S, R> rows) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.rounds = new Rounds<>(optimizer, stepsPerRound);
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    Optimizer<Rounds.State<S>, Rounds.Round<R>> optimizer() {
        return rounds;
    }

    Rounds.State<S> start(Params initial) {
        return rounds.start(initial);
    }

    /** The state beyond θ, for the checkpoint. */
    SavedState save(Rounds.State<S> state) {
        return optimizer.save(state.inner());
    }

    /** The state {@link #save} wrote, around the restored θ, after {@code rounds} rounds. */
    Rounds.State<S> restore(Params parameters, int rounds, SavedState saved) {
        return new Rounds.State<>(optimizer.restore(parameters, saved), rounds);
    }

    /** Details of the starting point (iteration 0). */
    IterationDetails initial(Rounds.State<S> state) {
        return rows.initial(state.inner());
    }

    IterationDetails details(Rounds.Round<R> round) {
        return rows.details(round);
    }

    /** The header over {@link IterationDetails#progress()}. */
    String progressHeader() {
        return rows.header();
    }
}
