package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.precondition.DiagonalPreconditioner;
import dev.pearl.hf.precondition.Preconditioner;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.WeightCost;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Martens' batch plan over sharded data: the gradient on the whole training set, CG-backtracking
 * and the line search on it or on its first cases, the curvature and ρ on curvature chunk c of {@code curvatureChunks}, a
 * {@link CaseSelection} by seeded hash of case indices, so it is the same for any number of
 * shards or machines. Results come back on θ's backend. Every quantity is the sum of the shards' case-weighted shares
 * ({@link ShardTasks}); the weight cost is added here. The runner is closed with this data.
 * Under SGD, Adam, RMSProp or L-BFGS it cuts the same shards into hashed minibatches ({@link #minibatches}).
 */
public final class ShardedData implements StepData, MinibatchSource {
    /**
     * The smallest minibatch size below the whole set: chunks then expect more than 32 cases, so a
     * given one is empty with probability (1 − 1/k)^N &lt; e^-32.
     */
    public static final int SMALLEST_MINIBATCH = 64;

    private final ShardRunner runner;
    private final WeightCost weightCost;
    private final int curvatureChunks;
    private final long chunkSeed;
    private final CaseSelection lineSearch;
    private final int[] shardSizes;
    private final int cases;
    private final Map<CaseSelection, Integer> selectedCases = new HashMap<>();
    private long steps;

    /**
     * Sharded data with CG-backtracking and the line search on all cases.
     *
     * @param runner          where the shards are evaluated
     * @param weightCost      the problem's weight cost (added once, on this side)
     * @param curvatureChunks how many hashed curvature chunks the iterations cycle through
     * @param chunkSeed       the seed of the case hash
     * @throws IllegalArgumentException if curvatureChunks is below 1 or above the number of cases
     */
    public ShardedData(ShardRunner runner, WeightCost weightCost, int curvatureChunks, long chunkSeed) {
        this(runner, weightCost, curvatureChunks, chunkSeed, Integer.MAX_VALUE);
    }

    /**
     * With CG-backtracking and the line search on the first {@code lineSearchCases} cases only.
     *
     * @param runner          where the shards are evaluated
     * @param weightCost      the problem's weight cost (added once, on this side)
     * @param curvatureChunks how many hashed curvature chunks the iterations cycle through
     * @param chunkSeed       the seed of the case hash
     * @param lineSearchCases cases of the line search, &gt;= 1 (all when at least the number of cases)
     * @throws IllegalArgumentException if curvatureChunks or lineSearchCases is out of range
     */
    public ShardedData(ShardRunner runner, WeightCost weightCost, int curvatureChunks, long chunkSeed, int lineSearchCases) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.weightCost = Objects.requireNonNull(weightCost, "weightCost");
        this.shardSizes = runner.shardSizes();
        int cases = 0;
        for (int s : shardSizes) cases += s;
        this.cases = cases;
        if (curvatureChunks < 1 || curvatureChunks > cases)
            throw new IllegalArgumentException("cannot cut " + cases + " cases into " + curvatureChunks + " curvature chunks");
        this.curvatureChunks = curvatureChunks;
        this.chunkSeed = chunkSeed;
        if (lineSearchCases < 1) throw new IllegalArgumentException("line-search cases must be >= 1, got " + lineSearchCases);
        this.lineSearch = lineSearchCases >= cases ? CaseSelection.ALL : CaseSelection.first(lineSearchCases);
    }

    @Override
    public WeightCost weightCost() {
        return weightCost;
    }

    @Override
    public int curvatureChunks() {
        return curvatureChunks;
    }

    @Override
    public StepCases at(int iteration, int curvatureChunk) {
        CaseSelection curvature = curvatureChunks == 1 ? CaseSelection.ALL
                : new CaseSelection(Math.floorMod(curvatureChunk, curvatureChunks), curvatureChunks, chunkSeed);
        return new StepCases(CaseSelection.ALL, curvature, lineSearch);
    }

    /** {@inheritDoc} The shards keep the selected cases for the next call: for selections that recur (HF's chunks), not minibatches. */
    @Override
    public Gradient gradient(Params theta, Cases cases) {
        CaseSelection sel = selection(cases);
        return gradient(theta, new ShardTasks.Gradient(sel, selected(sel), false));
    }

    /**
     * Minibatches of these shards for SGD, Adam, RMSProp or L-BFGS: each pass cuts the N cases into
     * k = ⌈N / batchSize⌉ hashed chunks of about N / k cases (see {@link CaseSelection}), the same for
     * any number of shards; the shards do not keep a minibatch's cases after its gradient.
     *
     * @param batchSize cases per minibatch, &gt;= {@value #SMALLEST_MINIBATCH} or at least all cases (then every minibatch is the whole set)
     * @param seed the seed of each pass's hash
     * @return the minibatches
     * @throws IllegalArgumentException if batchSize is below {@value #SMALLEST_MINIBATCH} and below the number of cases
     */
    @Override
    public MinibatchData minibatches(int batchSize, long seed) {
        return new ShardedMinibatches(this, cases, batchSize, seed);
    }

    /** The gradient on a selection of {@code count} cases used once (a minibatch), whose cases the shards do not keep. */
    Gradient gradientOnce(Params theta, CaseSelection sel, int count) {
        return gradient(theta, new ShardTasks.Gradient(sel, count, true));
    }

    private Gradient gradient(Params theta, ShardTasks.Gradient task) {
        Payload sum = runner.sum(task, theta, null);
        double loss = sum.scalar(0);
        Params g = runner.layout().params(sum, theta.get(0).backend());
        if (!weightCost.isZero()) g = g.add(weightCost.gradient(theta));
        return new Gradient(loss, loss + weightCost.value(theta), g);
    }

    @Override
    public double objective(Params theta, Cases cases) {
        CaseSelection sel = selection(cases);
        return runner.sum(new ShardTasks.Loss(sel, selected(sel)), theta, null).scalar(0) + weightCost.value(theta);
    }

    /** Martens' diagonal preconditioner from the shards' summed gradient squares, or none. */
    @Override
    public UnaryOperator<Params> inversePreconditioner(Preconditioner preconditioner, Params theta, Cases cases, double lambda, long seed) {
        if (preconditioner == Preconditioner.none()) return UnaryOperator.identity();
        if (!(preconditioner instanceof DiagonalPreconditioner diagonal))
            throw new IllegalArgumentException("sharded data supports the diagonal preconditioner or none, got " + preconditioner);
        CaseSelection sel = selection(cases);
        Payload squares = runner.sum(new ShardTasks.Squares(diagonal.squares(), sel, selected(sel), seed), theta, null);
        return diagonal.inverse(runner.layout().params(squares, theta.get(0).backend()), lambda, weightCost.diagonal(theta));
    }

    /** Prepares the curvature on every shard now; each product then costs linear passes only. */
    @Override
    public CurvatureProduct curvature(Curvature kind, Params theta, Cases cases, double structuralWeight) {
        CaseSelection sel = selection(cases);
        ShardTasks.CurvatureSpec spec = new ShardTasks.CurvatureSpec(++steps, kind, sel, selected(sel), structuralWeight);
        runner.sum(new ShardTasks.Prepare(spec), theta, null);
        return new CurvatureProduct() {
            @Override
            public Params apply(Params v) {
                return runner.layout().params(runner.sum(new ShardTasks.Product(spec), theta, v), theta.get(0).backend());
            }

            @Override
            public double structuralTerm(Params v) {
                return runner.sum(new ShardTasks.StructuralTerm(spec), theta, v).scalar(0);
            }
        };
    }

    @Override
    public void close() {
        runner.close();
    }

    private int selected(CaseSelection sel) {
        return selectedCases.computeIfAbsent(sel, s -> {
            int total = count(s);
            if (total == 0) throw new IllegalStateException("curvature chunk " + s.chunk() + " of " + s.chunks() + " holds no cases");
            return total;
        });
    }

    private int count(CaseSelection sel) {
        int total = 0;
        long first = 0;
        for (int size : shardSizes) {
            total += sel.count(first, size);
            first += size;
        }
        return total;
    }

    private static CaseSelection selection(Cases cases) {
        if (cases instanceof CaseSelection s) return s;
        throw new IllegalArgumentException("sharded data cannot evaluate " + cases + ": it names no selection of the shards");
    }
}
