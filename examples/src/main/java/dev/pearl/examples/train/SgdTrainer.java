package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.SgdIteration;
import dev.pearl.hf.sgd.SgdOptions;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.train.Optimizer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Minibatch SGD with constant Nesterov momentum, in rounds of {@code updatesPerIteration} updates. */
final class SgdTrainer implements Trainer<Rounds.State<SgdState>, Rounds.Round<SgdIteration>> {
    private static final String VELOCITY = "sgd_velocity", UPDATES = "sgd.updates";

    private final MomentumSgd sgd;
    private final Rounds<SgdState, SgdIteration> rounds;
    private final int trainSize;

    SgdTrainer(Problem problem, Batch training, RunConfig config) {
        SgdOptions options = SgdOptions.defaults()
                .withLearningRate(config.learningRate())
                .withMomentum(MomentumSchedule.constant(config.momentum()))
                .withBatchSize(config.batchSize())
                .withSeed(config.seed());
        this.sgd = new MomentumSgd(problem, training, options);
        this.rounds = new Rounds<>(sgd, config.updatesPerIteration());
        this.trainSize = training.size();
    }

    @Override
    public Optimizer<Rounds.State<SgdState>, Rounds.Round<SgdIteration>> optimizer() {
        return rounds;
    }

    @Override
    public Rounds.State<SgdState> start(Params initial) {
        return rounds.start(initial);
    }

    @Override
    public void save(Rounds.State<SgdState> state, Checkpoint.Builder checkpoint) {
        checkpoint.put(UPDATES, state.inner().iteration()).addAll(VELOCITY, state.inner().velocity());
    }

    @Override
    public Rounds.State<SgdState> restore(Checkpoint checkpoint, Params parameters, int iteration) {
        SgdState restored = new SgdState(parameters, checkpoint.params(VELOCITY), Integer.parseInt(checkpoint.meta(UPDATES)));
        return new Rounds.State<>(restored, iteration);
    }

    @Override
    public IterationDetails initial(Rounds.State<SgdState> state) {
        return new IterationDetails(Double.NaN, Double.NaN, 0, Map.of("updates", 0, "epochs", 0.0), "");
    }

    @Override
    public IterationDetails details(Rounds.Round<SgdIteration> r) {
        SgdIteration last = r.last();
        double loss = r.steps().stream().mapToDouble(SgdIteration::loss).average().orElseThrow();
        double objective = r.steps().stream().mapToDouble(SgdIteration::objective).average().orElseThrow();
        double epochs = (double) last.casesSeen() / trainSize;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("batch_objective", objective);
        extra.put("updates", last.iteration());
        extra.put("epochs", epochs);
        extra.put("learning_rate", sgd.options().learningRate());
        extra.put("momentum", last.momentum());
        String progress = String.format(Locale.ROOT, "%8d %7.1f %11s%s", last.iteration(), epochs, Format.number(loss),
                r.rejected() > 0 ? "  (" + r.rejected() + " non-finite updates skipped)" : "");
        return new IterationDetails(Double.NaN, Double.NaN, 0, extra, progress);
    }

    @Override
    public String progressHeader() {
        return String.format(Locale.ROOT, "%8s %7s %11s", "updates", "epochs", "batch loss");
    }
}
