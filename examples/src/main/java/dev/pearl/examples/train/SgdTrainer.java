package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.SgdOptions;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.train.Optimizer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Minibatch SGD with constant Nesterov momentum, in rounds of {@code updatesPerIteration} updates. */
final class SgdTrainer implements Trainer<SgdRoundState, SgdRound> {
    private static final String VELOCITY = "sgd_velocity", UPDATES = "sgd.updates";

    private final SgdRounds rounds;

    SgdTrainer(Problem problem, Batch training, RunConfig config) {
        SgdOptions options = SgdOptions.defaults()
                .withLearningRate(config.learningRate())
                .withMomentum(MomentumSchedule.constant(config.momentum()))
                .withBatchSize(config.batchSize())
                .withSeed(config.seed());
        this.rounds = new SgdRounds(new MomentumSgd(problem, training, options), config.updatesPerIteration(), training.size());
    }

    @Override
    public Optimizer<SgdRoundState, SgdRound> optimizer() {
        return rounds;
    }

    @Override
    public SgdRoundState start(Params initial) {
        return rounds.start(initial);
    }

    @Override
    public void save(SgdRoundState state, Checkpoint.Builder checkpoint) {
        checkpoint.put(UPDATES, state.sgd().iteration()).addAll(VELOCITY, state.sgd().velocity());
    }

    @Override
    public SgdRoundState restore(Checkpoint checkpoint, Params parameters, int iteration) {
        SgdState sgd = new SgdState(parameters, checkpoint.params(VELOCITY), Integer.parseInt(checkpoint.meta(UPDATES)));
        return new SgdRoundState(sgd, iteration);
    }

    @Override
    public IterationDetails initial(SgdRoundState state) {
        return new IterationDetails(Double.NaN, Double.NaN, 0, Map.of("updates", 0, "epochs", 0.0), "");
    }

    @Override
    public IterationDetails details(SgdRound r) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("batch_objective", r.objective());
        extra.put("updates", r.updates());
        extra.put("epochs", r.epochs());
        extra.put("learning_rate", r.learningRate());
        extra.put("momentum", r.momentum());
        String progress = String.format(Locale.ROOT, "%8d %7.1f %11s%s", r.updates(), r.epochs(), Format.number(r.loss()),
                r.rejected() > 0 ? "  (" + r.rejected() + " non-finite updates skipped)" : "");
        return new IterationDetails(Double.NaN, Double.NaN, 0, extra, progress);
    }

    @Override
    public String progressHeader() {
        return String.format(Locale.ROOT, "%8s %7s %11s", "updates", "epochs", "batch loss");
    }
}
