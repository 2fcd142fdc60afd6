package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.hf.train.IterationReport;
import dev.pearl.hf.train.Optimizer;
import dev.pearl.hf.train.TrainingState;

import java.util.List;

/** One optimizer as the training run sees it: stepping, saving and restoring its state, and describing its iterations. */
interface Trainer<S extends TrainingState, R extends IterationReport> {
    /** Extra metrics.csv columns, the same for every optimizer so that their files line up. */
    List<String> EXTRA_COLUMNS = List.of("train_s", "eval_s", "iteration_s", "gradient_s", "cg_s", "linesearch_s", "gv_products",
            "cg_stop", "backtrack_iterate", "step", "batch_objective", "updates", "epochs", "learning_rate", "momentum");

    Optimizer<S, R> optimizer();

    S start(Params initial);

    /** Adds the state beyond θ (which the caller stores) to a checkpoint. */
    void save(S state, Checkpoint.Builder checkpoint);

    /** The state saved by {@link #save}, around the restored θ. */
    S restore(Checkpoint checkpoint, Params parameters, int iteration);

    /** Details of the starting point (iteration 0). */
    IterationDetails initial(S state);

    IterationDetails details(R report);

    /** The header over {@link IterationDetails#progress()}. */
    String progressHeader();
}
