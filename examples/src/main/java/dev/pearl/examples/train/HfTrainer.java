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
import java.util.Locale;
import java.util.Map;

/**
 * Martens' HF with his defaults: the gradient on the whole training set (or on chunks of
 * {@code gradientBatch} cases taken in turn), curvature on chunks of {@code curvatureBatch} cases
 * taken in turn, CG-backtracking and the line search on the first {@code lineSearchBatch} cases.
 */
final class HfTrainer implements Trainer<HfState, HfIteration> {
    private static final String LAMBDA = "hf.lambda", CHUNK = "hf.curvature_chunk", PREVIOUS = "hf_previous_cg_solution";

    private final HessianFree hf;

    HfTrainer(Problem problem, Batch training, RunConfig config) {
        BatchPlan plan = BatchPlan.of(training)
                .withGradientChunkSize(config.gradientBatch())
                .withCurvatureChunkSize(config.curvatureBatch())
                .withLineSearch(training.slice(0, config.lineSearchBatch()));
        HfOptions options = HfOptions.martens().withSeed(config.seed());
        this.hf = new HessianFree(problem, plan, options.withCg(options.cg().withMaxIterations(config.cgMaxIterations())));
    }

    @Override
    public Optimizer<HfState, HfIteration> optimizer() {
        return hf;
    }

    @Override
    public HfState start(Params initial) {
        return hf.start(initial);
    }

    @Override
    public void save(HfState state, Checkpoint.Builder checkpoint) {
        checkpoint.put(LAMBDA, state.lambda()).put(CHUNK, state.curvatureChunk());
        if (state.hasPreviousSolution()) checkpoint.addAll(PREVIOUS, state.previousSolution());
    }

    @Override
    public HfState restore(Checkpoint checkpoint, Params parameters, int iteration) {
        boolean hasPrevious = checkpoint.tensors().names().stream().anyMatch(n -> n.startsWith(PREVIOUS + "/"));
        return new HfState(parameters, Double.parseDouble(checkpoint.meta(LAMBDA)), hasPrevious ? checkpoint.params(PREVIOUS) : null,
                iteration, Integer.parseInt(checkpoint.meta(CHUNK)));
    }

    @Override
    public IterationDetails initial(HfState state) {
        return new IterationDetails(state.lambda(), Double.NaN, 0, Map.of(), "");
    }

    @Override
    public IterationDetails details(HfIteration r) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("gradient_s", r.gradientSeconds());
        extra.put("cg_s", r.cgSeconds());
        extra.put("linesearch_s", r.lineSearchSeconds());
        extra.put("gv_products", r.curvatureProducts());
        extra.put("cg_stop", r.cgStop() == null ? "" : r.cgStop().name().toLowerCase(Locale.ROOT));
        extra.put("backtrack_iterate", r.backtrackIterate());
        extra.put("step", r.stepSize());
        extra.put("batch_objective", r.objective());
        String progress = String.format(Locale.ROOT, "%9s %6s %4d %5.2f  %s", Format.number(r.lambda()), Format.number(r.rho()),
                r.cgIterations(), r.stepSize(), Format.split(r.gradientSeconds(), r.cgSeconds(), r.lineSearchSeconds()));
        return new IterationDetails(r.lambda(), r.rho(), r.cgIterations(), extra, progress);
    }

    @Override
    public String progressHeader() {
        return String.format(Locale.ROOT, "%9s %6s %4s %5s  %s", "lambda", "rho", "CG", "step", "grad+CG+search");
    }
}
