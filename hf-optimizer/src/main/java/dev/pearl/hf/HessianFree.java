package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.cg.CgProgress;
import dev.pearl.hf.cg.CgResult;
import dev.pearl.hf.cg.CgStop;
import dev.pearl.hf.cg.ConjugateGradient;
import dev.pearl.hf.curvature.DampedCurvature;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.parallel.Cases;
import dev.pearl.hf.parallel.InProcessData;
import dev.pearl.hf.parallel.StepCases;
import dev.pearl.hf.parallel.StepData;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.Resumable;
import dev.pearl.hf.train.SavedState;
import dev.pearl.hf.train.Seeds;
import dev.pearl.hf.train.Step;
import dev.pearl.tensor.Tensor;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Hessian-free optimisation (Martens 2010, Algorithm 1). One iteration:
 * <ol>
 * <li>gradient g on the gradient batch; the preconditioner on the curvature batch;</li>
 * <li>truncated preconditioned CG on (C + λμS + λI) p = −g, C from the current curvature chunk,
 *     S the structural damping of a model that declares structural values (Martens &amp;
 *     Sutskever 2011),
 *     warm-started from 0.95 × the previous solution;</li>
 * <li>CG-backtracking over the kept iterates on the line-search batch;</li>
 * <li>ρ of the chosen step on the curvature batch, and the Levenberg-Marquardt update of λ;</li>
 * <li>an Armijo line search along the chosen step; θ moves only if it accepts.</li>
 * </ol>
 * A non-finite gradient, product or objective never reaches θ. A non-finite gradient, or a
 * non-finite product or quadratic value in one of CG's steps, rejects the step at once (θ kept, λ
 * raised as for ρ = −∞, the warm start dropped); a warm start whose product is not finite is only
 * replaced by zero. Backtracking and the line search treat a NaN objective as worse, ρ becomes −∞
 * so λ grows, and a step no rate accepts is rejected. The loop then continues with the next
 * curvature chunk.
 */
public final class HessianFree implements Resumable<HfState, HfIteration> {
    /** The key of the step count in a {@link SavedState}. */
    public static final String SAVED_STEPS = "hf.steps";
    private static final String LAMBDA = "hf.lambda", CHUNK = "hf.curvature_chunk", PREVIOUS = "hf_previous_cg_solution";

    private final StepData data;
    private final HfOptions options;
    private final ConjugateGradient cg;

    /**
     * In process: the problem on the batches of the plan.
     *
     * @param problem the function to minimise
     * @param batches the plan of gradient, curvature and line-search batches
     * @param options the optimizer's settings
     * @throws NullPointerException if an argument is null
     */
    public HessianFree(Problem problem, BatchPlan batches, HfOptions options) {
        this(new InProcessData(Objects.requireNonNull(problem, "problem"), Objects.requireNonNull(batches, "batches")), options);
    }

    /**
     * On any {@link StepData}: in process, or sharded over threads or a cluster. The caller closes the data.
     *
     * @param data where each step's gradients, curvature products and losses are computed
     * @param options the optimizer's settings
     * @throws NullPointerException if an argument is null
     */
    public HessianFree(StepData data, HfOptions options) {
        this.data = Objects.requireNonNull(data, "data");
        this.options = Objects.requireNonNull(options, "options");
        this.cg = new ConjugateGradient(options.cg());
    }

    /**
     * With Martens' defaults.
     *
     * @param problem the function to minimise
     * @param batches the plan of gradient, curvature and line-search batches
     * @throws NullPointerException if an argument is null
     */
    public HessianFree(Problem problem, BatchPlan batches) {
        this(problem, batches, HfOptions.martens());
    }

    /**
     * The optimizer's settings.
     *
     * @return the options given to the constructor
     */
    public HfOptions options() {
        return options;
    }

    @Override
    public HfState start(Params initial) {
        if (!initial.isFinite()) throw new IllegalArgumentException("HF: the initial parameters contain NaN or infinite values");
        return new HfState(initial, options.damping().initialLambda(), null, 0, 0);
    }

    @Override
    public Step<HfState, HfIteration> step(HfState state, Consumer<CgProgress> cgProgress) {
        long t0 = System.nanoTime();
        Params theta = state.parameters();
        double lambda = state.lambda();
        int chunk = Math.floorMod(state.curvatureChunk(), data.curvatureChunks());
        StepCases batch = data.at(state.iteration(), chunk);
        Cases gradientBatch = batch.gradient(), curvatureBatch = batch.curvature(), lineSearchBatch = batch.lineSearch();
        Gradient gradient = data.gradient(theta, gradientBatch);
        if (!gradient.isFinite()) {
            long now = System.nanoTime();
            return rejected(state, gradient, chunk, null, t0, now, now);
        }
        UnaryOperator<Params> inversePreconditioner = data.inversePreconditioner(options.preconditioner(), theta, curvatureBatch, lambda,
                Seeds.mix(options.seed(), state.iteration()));
        long t1 = System.nanoTime();

        DampedCurvature curvature = new DampedCurvature(data.curvature(options.curvature(), theta, curvatureBatch, lambda * options.structuralDamping()),
                data.weightCost(), theta, lambda);
        CgResult solve = cg.minimize(curvature, gradient.gradient().scale(-1), warmStart(state), inversePreconditioner, cgProgress);
        long t2 = System.nanoTime();
        if (solve.stop() == CgStop.NON_FINITE) return rejected(state, gradient, chunk, solve, t0, t1, t2);

        CgBacktracking.Choice choice = CgBacktracking.choose(options.backtracking() ? solve.snapshots() : List.of(solve.last()),
                p -> data.objective(theta.add(p), lineSearchBatch));
        Params step = choice.iterate().solution();
        Reduction reduction = reduction(theta, step, gradient, batch, curvature, choice);
        double rho = reduction.ratio();
        double nextLambda = options.damping().update(lambda, rho);

        double before = lineSearchBatch.equals(gradientBatch) ? gradient.objective() : data.objective(theta, lineSearchBatch);
        ArmijoLineSearch.Result search = options.lineSearch().search(rate -> data.objective(theta.axpy(rate, step), lineSearchBatch),
                before, gradient.gradient().dot(step), choice.objective());
        Params next = search.accepted() ? theta.axpy(search.rate(), step) : theta;
        double rate = search.rate();
        if (!next.isFinite()) {
            next = theta;
            rate = 0;
        }
        long t3 = System.nanoTime();

        Params solution = solve.last().solution();
        HfState nextState = new HfState(next, nextLambda, solution.isFinite() ? solution : null, state.iteration() + 1, nextChunk(chunk));
        double objective = rate > 0 ? search.objective() : before;
        HfIteration report = new HfIteration(nextState.iteration(), objective - data.weightCost().value(next), objective,
                gradient.objective(), lambda, rho, solve.iterations(), solve.stop(), choice.iterate().iteration(), rate,
                curvature.products(), chunk, seconds(t0, t1), seconds(t1, t2), seconds(t2, t3), seconds(t0, t3),
                measures(gradient, step, reduction, inversePreconditioner));
        return new Step<>(nextState, report);
    }

    @Override
    public SavedState save(HfState state) {
        SavedState saved = new SavedState().putReal(LAMBDA, state.lambda()).putInteger(CHUNK, state.curvatureChunk()).putInteger(SAVED_STEPS, state.iteration());
        if (state.hasPreviousSolution()) saved.putParams(PREVIOUS, state.previousSolution());
        return saved;
    }

    @Override
    public HfState restore(Params parameters, SavedState saved) {
        return new HfState(parameters, saved.real(LAMBDA), saved.hasParams(PREVIOUS) ? saved.params(PREVIOUS) : null,
                Math.toIntExact(saved.integer(SAVED_STEPS)), Math.toIntExact(saved.integer(CHUNK)));
    }

    /** Martens (2010) §4.5: CG starts from 0.95 × the previous solution. */
    private Params warmStart(HfState state) {
        if (!state.hasPreviousSolution() || options.warmStartDecay() == 0) return state.parameters().zerosLike();
        return state.previousSolution().scale(options.warmStartDecay());
    }

    /** The actual and the predicted change of a step on the curvature batch; their ratio is ρ. */
    private record Reduction(double actual, double predicted) {
        double ratio() {
            return LevenbergMarquardt.reductionRatio(actual, predicted);
        }
    }

    /**
     * ρ = (f(θ+p) − f(θ)) / (q(p) − q(0)) on the curvature batch (Martens 2010, §4.1); q as the
     * damping rule says. q(p) − q(0) comes from CG's quadratic value at the chosen iterate, so ρ
     * costs no curvature product.
     */
    private Reduction reduction(Params theta, Params step, Gradient gradient, StepCases batch, DampedCurvature curvature,
                                  CgBacktracking.Choice choice) {
        Cases curvatureBatch = batch.curvature();
        double before = curvatureBatch.equals(batch.gradient()) ? gradient.objective() : data.objective(theta, curvatureBatch);
        double after = curvatureBatch.equals(batch.lineSearch()) ? choice.objective() : data.objective(theta.add(step), curvatureBatch);
        double predicted = curvature.predictedChange(choice.iterate().quadraticValue(), step, options.damping().dampedModel());
        return new Reduction(after - before, predicted);
    }

    /** The step's sizes and M's range; M⁻¹ applied to ones gives 1/M, one elementwise pass. */
    private static StepMeasures measures(Gradient gradient, Params step, Reduction reduction, UnaryOperator<Params> inversePreconditioner) {
        Params inverseDiagonal = inversePreconditioner.apply(step.map(Ops::onesLike));
        double smallestInverse = Double.POSITIVE_INFINITY, largestInverse = 0;
        for (Tensor t : inverseDiagonal.tensors()) {
            if (t.size() == 0) continue;
            int[] all = IntStream.range(0, t.rank()).toArray();
            largestInverse = Math.max(largestInverse, t.rank() == 0 ? t.item() : Ops.max(t, false, all).item());
            smallestInverse = Math.min(smallestInverse, t.rank() == 0 ? t.item() : -Ops.max(Ops.neg(t), false, all).item());
        }
        return new StepMeasures(gradient.gradient().norm(), step.norm(), reduction.predicted(), reduction.actual(),
                1 / largestInverse, 1 / smallestInverse);
    }

    /**
     * A step that must not reach θ: no finite gradient (solve is null, there is nothing to solve)
     * or a curvature product that was not finite (the model's curvature cannot be trusted here,
     * even where CG kept a finite iterate). Keep θ, raise λ as for ρ = −∞, drop the warm start.
     */
    private Step<HfState, HfIteration> rejected(HfState state, Gradient gradient, int chunk, CgResult solve, long t0, long t1, long t2) {
        double nextLambda = options.damping().update(state.lambda(), Double.NEGATIVE_INFINITY);
        HfState next = new HfState(state.parameters(), nextLambda, null, state.iteration() + 1, nextChunk(chunk));
        HfIteration report = new HfIteration(next.iteration(), gradient.loss(), gradient.objective(), gradient.objective(), state.lambda(),
                Double.NEGATIVE_INFINITY, solve == null ? 0 : solve.iterations(), solve == null ? null : solve.stop(), 0, 0,
                solve == null ? 0 : solve.products(),
                chunk, seconds(t0, t1), seconds(t1, t2), 0, seconds(t0, t2), StepMeasures.gradientOnly(gradient.gradient().norm()));
        return new Step<>(next, report);
    }

    private int nextChunk(int chunk) {
        return (chunk + 1) % data.curvatureChunks();
    }

    private static double seconds(long from, long to) {
        return (to - from) * 1e-9;
    }
}
