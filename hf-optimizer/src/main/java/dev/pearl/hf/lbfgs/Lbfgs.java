package dev.pearl.hf.lbfgs;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgProgress;
import dev.pearl.hf.parallel.MinibatchData;
import dev.pearl.hf.parallel.MinibatchSource;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.Resumable;
import dev.pearl.hf.train.SavedState;
import dev.pearl.hf.train.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * L-BFGS (Nocedal &amp; Wright 2006, Algorithm 7.5) on large batches: step t takes the objective
 * (weight cost included) on batch ⌊t / stepsPerBatch⌋ of the seeded order of its {@link MinibatchData} (in process or sharded), or on
 * the whole training set; the direction p = −H·g comes from the last m curvature pairs
 * ({@link CurvaturePairs}) and the step length from a strong-Wolfe line search on the same batch
 * ({@link WolfeLineSearch}), first α = 1 (min(1, 1/|g|) with an empty history). Each pair's two
 * gradients come from one batch, so a change of batch never mixes two objectives in one pair.
 * A direction that is not a descent direction restarts from −g with an empty history; a search
 * that finds no sufficient decrease, or a gradient that is not finite, keeps θ and empties the
 * history.
 */
public final class Lbfgs implements Resumable<LbfgsState, LbfgsIteration> {
    private static final String STEPS = "lbfgs.steps", CASES = "lbfgs.cases_evaluated", PAIRS = "lbfgs.pairs",
            GRADIENT_BATCH = "lbfgs.gradient_batch", LOSS = "lbfgs.loss", OBJECTIVE = "lbfgs.objective", GRADIENT = "lbfgs_gradient",
            STEP_PREFIX = "lbfgs_s", CHANGE_PREFIX = "lbfgs_y";

    private final LbfgsOptions options;
    private final MinibatchData batches;

    /**
     * The optimizer on a problem and its training set.
     *
     * @param problem the function to minimise
     * @param training the training set the batches are cut from
     * @param options the settings
     * @throws NullPointerException if an argument is null
     */
    public Lbfgs(Problem problem, Batch training, LbfgsOptions options) {
        this(MinibatchSource.inProcess(problem, training), options);
    }

    /**
     * The optimizer on training data that cuts its own batches (sharded data: {@link dev.pearl.hf.parallel.ShardedData}).
     *
     * @param data the training data
     * @param options the settings
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the data cannot be cut into batches of the options' batch size
     */
    public Lbfgs(MinibatchSource data, LbfgsOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.batches = Objects.requireNonNull(data, "data").minibatches(options.wholeSet() ? Integer.MAX_VALUE : options.batchSize(), options.seed());
    }

    /**
     * The settings.
     *
     * @return the options given to the constructor
     */
    public LbfgsOptions options() {
        return options;
    }

    @Override
    public LbfgsState start(Params initial) {
        if (!initial.isFinite()) throw new IllegalArgumentException("L-BFGS: the initial parameters contain NaN or infinite values");
        return new LbfgsState(initial, CurvaturePairs.empty(), null, -1, 0, 0);
    }

    /** What one point of the line search leaves behind: the point and the batch gradient there. */
    private record Point(Params theta, Gradient gradient) {
    }

    /** One step's gradients on its batch, counted. */
    private final class Evaluations {
        private final MinibatchData.Minibatch batch;
        private long cases;
        private int count;

        Evaluations(MinibatchData.Minibatch batch, long casesBefore) {
            this.batch = batch;
            this.cases = casesBefore;
        }

        Gradient at(Params theta) {
            cases += batch.size();
            count++;
            return batches.gradient(theta, batch);
        }
    }

    @Override
    public Step<LbfgsState, LbfgsIteration> step(LbfgsState state, Consumer<CgProgress> ignored) {
        long t0 = System.nanoTime();
        Params theta = state.parameters();
        long batchIndex = state.iteration() / options.stepsPerBatch();
        Evaluations evaluations = new Evaluations(batches.at(batchIndex), state.casesEvaluated());
        Gradient g0 = state.gradientBatch() == batchIndex ? state.gradient() : evaluations.at(theta);
        int next = state.iteration() + 1;
        if (!g0.isFinite()) {
            LbfgsState kept = new LbfgsState(theta, CurvaturePairs.empty(), null, -1, next, evaluations.cases);
            return report(kept, g0, 0, evaluations.count, null, batchIndex, t0, false);
        }

        CurvaturePairs history = state.history();
        Params direction = history.inverseHessianTimes(g0.gradient()).scale(-1);
        double slope = g0.gradient().dot(direction);
        if (!(slope < 0) || !direction.isFinite()) {
            history = CurvaturePairs.empty();
            direction = g0.gradient().scale(-1);
            slope = g0.gradient().dot(direction);
        }
        if (!(slope < 0)) {
            // g = 0 on this batch: θ is stationary and there is nothing to search along.
            LbfgsState stationary = new LbfgsState(theta, history, g0, batchIndex, next, evaluations.cases);
            return report(stationary, g0, 0, evaluations.count, null, batchIndex, t0, false);
        }

        Params p = direction;
        double initialStep = history.isEmpty() ? Math.min(1, 1 / g0.gradient().norm()) : 1;
        WolfeLineSearch.Result<Point> search = options.lineSearch().search(alpha -> {
            Params point = theta.axpy(alpha, p);
            Gradient g = evaluations.at(point);
            double pointSlope = g.isFinite() ? g.gradient().dot(p) : Double.NaN;
            return new WolfeLineSearch.Trial<>(alpha, g.objective(), pointSlope, new Point(point, g));
        }, g0.objective(), slope, initialStep);

        if (!search.moved()) {
            LbfgsState kept = new LbfgsState(theta, CurvaturePairs.empty(), g0, batchIndex, next, evaluations.cases);
            return report(kept, g0, 0, evaluations.count, search.outcome(), batchIndex, t0, false);
        }
        Point accepted = search.accepted().payload();
        Params s = accepted.theta().sub(theta), y = accepted.gradient().gradient().sub(g0.gradient());
        LbfgsState moved = new LbfgsState(accepted.theta(), history.add(s, y, options.history()), accepted.gradient(), batchIndex, next,
                evaluations.cases);
        return report(moved, accepted.gradient(), search.accepted().alpha(), evaluations.count, search.outcome(), batchIndex, t0, true);
    }

    private static Step<LbfgsState, LbfgsIteration> report(LbfgsState next, Gradient at, double alpha, int evaluations,
                                                            WolfeLineSearch.Outcome outcome, long batch, long t0, boolean moved) {
        LbfgsIteration r = new LbfgsIteration(next.iteration(), at.loss(), at.objective(), alpha, evaluations, outcome, next.history().size(),
                batch, next.casesEvaluated(), (System.nanoTime() - t0) * 1e-9, moved);
        return new Step<>(next, r);
    }

    @Override
    public SavedState save(LbfgsState state) {
        SavedState saved = new SavedState().putInteger(STEPS, state.iteration()).putInteger(CASES, state.casesEvaluated())
                .putInteger(PAIRS, state.history().size()).putInteger(GRADIENT_BATCH, state.gradientBatch());
        for (int i = 0; i < state.history().size(); i++)
            saved.putParams(STEP_PREFIX + i, state.history().steps().get(i)).putParams(CHANGE_PREFIX + i, state.history().gradientChanges().get(i));
        if (state.gradient() != null)
            saved.putReal(LOSS, state.gradient().loss()).putReal(OBJECTIVE, state.gradient().objective()).putParams(GRADIENT, state.gradient().gradient());
        return saved;
    }

    @Override
    public LbfgsState restore(Params parameters, SavedState saved) {
        int pairs = Math.toIntExact(saved.integer(PAIRS));
        List<Params> steps = new ArrayList<>(), changes = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            steps.add(saved.params(STEP_PREFIX + i));
            changes.add(saved.params(CHANGE_PREFIX + i));
        }
        long gradientBatch = saved.integer(GRADIENT_BATCH);
        Gradient gradient = gradientBatch < 0 ? null : new Gradient(saved.real(LOSS), saved.real(OBJECTIVE), saved.params(GRADIENT));
        return new LbfgsState(parameters, new CurvaturePairs(steps, changes), gradient, gradientBatch, Math.toIntExact(saved.integer(STEPS)),
                saved.integer(CASES));
    }
}
