package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.hf.BatchPlan;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfIteration;
import dev.pearl.hf.HfOptions;
import dev.pearl.hf.HfState;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.Optimizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Martens' HF with his defaults: the gradient on the whole training set, curvature on chunks of
 * {@code curvatureBatch} cases taken in turn, CG-backtracking and the line search on the first
 * {@code lineSearchBatch} cases. With a smaller {@code gradientBatch}, stochastic HF: see
 * {@link BatchPlan#stochastic}.
 */
final class HfTrainer implements Trainer<Rounds.State<HfState>, Rounds.Round<HfIteration>> {
    private static final String LAMBDA = "hf.lambda", CHUNK = "hf.curvature_chunk", STEPS = "hf.steps", PREVIOUS = "hf_previous_cg_solution";

    private final HessianFree hf;
    private final Rounds<HfState, HfIteration> rounds;

    HfTrainer(Problem problem, Batch training, RunConfig config) {
        BatchPlan plan = config.stochasticHf()
                ? BatchPlan.stochastic(training, config.gradientBatch(), config.curvatureBatch())
                : BatchPlan.of(training).withCurvatureChunkSize(config.curvatureBatch()).withLineSearch(training.slice(0, config.lineSearchBatch()));
        HfOptions options = HfOptions.martens().withSeed(config.seed());
        options = options.withDamping(options.damping().withLambdaRange(config.initialDamping(), config.minimumDamping()));
        this.hf = new HessianFree(problem, plan, options.withCg(options.cg().withMaxIterations(config.cgMaxIterations())));
        this.rounds = new Rounds<>(hf, plan.isStochastic() ? config.updatesPerIteration() : 1);
    }

    @Override
    public Optimizer<Rounds.State<HfState>, Rounds.Round<HfIteration>> optimizer() {
        return rounds;
    }

    @Override
    public Rounds.State<HfState> start(Params initial) {
        return rounds.start(initial);
    }

    @Override
    public void save(Rounds.State<HfState> state, Checkpoint.Builder checkpoint) {
        HfState s = state.inner();
        checkpoint.put(LAMBDA, s.lambda()).put(CHUNK, s.curvatureChunk()).put(STEPS, s.iteration());
        if (s.hasPreviousSolution()) checkpoint.addAll(PREVIOUS, s.previousSolution());
    }

    /** Checkpoints from before rounds hold one HF step per iteration and no step count. */
    @Override
    public Rounds.State<HfState> restore(Checkpoint checkpoint, Params parameters, int iteration) {
        boolean hasPrevious = checkpoint.tensors().names().stream().anyMatch(n -> n.startsWith(PREVIOUS + "/"));
        String steps = checkpoint.metadata().get(STEPS);
        HfState s = new HfState(parameters, Double.parseDouble(checkpoint.meta(LAMBDA)), hasPrevious ? checkpoint.params(PREVIOUS) : null,
                steps != null ? Integer.parseInt(steps) : iteration, Integer.parseInt(checkpoint.meta(CHUNK)));
        return new Rounds.State<>(s, iteration);
    }

    @Override
    public IterationDetails initial(Rounds.State<HfState> state) {
        return new IterationDetails(state.inner().lambda(), Double.NaN, 0, Map.of("updates", state.inner().iteration()), "");
    }

    /** One HF step per row, or for stochastic HF a round of steps: λ, ρ and the step of the last, counts and times summed. */
    @Override
    public IterationDetails details(Rounds.Round<HfIteration> round) {
        HfIteration last = round.last();
        List<HfIteration> steps = round.steps();
        int cgIterations = steps.stream().mapToInt(HfIteration::cgIterations).sum();
        double gradientSeconds = steps.stream().mapToDouble(HfIteration::gradientSeconds).sum();
        double cgSeconds = steps.stream().mapToDouble(HfIteration::cgSeconds).sum();
        double lineSearchSeconds = steps.stream().mapToDouble(HfIteration::lineSearchSeconds).sum();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("gradient_s", gradientSeconds);
        extra.put("cg_s", cgSeconds);
        extra.put("linesearch_s", lineSearchSeconds);
        extra.put("gv_products", steps.stream().mapToInt(HfIteration::curvatureProducts).sum());
        extra.put("cg_stop", last.cgStop() == null ? "" : last.cgStop().name().toLowerCase(Locale.ROOT));
        extra.put("backtrack_iterate", last.backtrackIterate());
        extra.put("step", last.stepSize());
        extra.put("batch_objective", last.objective());
        extra.put("updates", last.iteration());
        String progress = String.format(Locale.ROOT, "%9s %6s %4d %5.2f  %s", Format.number(last.lambda()), Format.number(last.rho()),
                cgIterations, last.stepSize(), Format.split(gradientSeconds, cgSeconds, lineSearchSeconds));
        return new IterationDetails(last.lambda(), last.rho(), cgIterations, extra, progress);
    }

    @Override
    public String progressHeader() {
        return String.format(Locale.ROOT, "%9s %6s %4s %5s  %s", "lambda", "rho", "CG", "step", "grad+CG+search");
    }
}
