package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.BatchPlan;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.precondition.DiagonalPreconditioner;
import dev.pearl.hf.precondition.Preconditioner;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.train.Seeds;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * HF's batch plans over sharded data. Martens' plan: the gradient on the whole training set,
 * CG-backtracking and the line search on it or on its first cases, the curvature and ρ on curvature
 * chunk c of {@code curvatureChunks}, a {@link CaseSelection} by seeded hash of case indices, so it
 * is the same for any number of shards or machines. The stochastic plan ({@link #stochastic}): as
 * {@link dev.pearl.hf.BatchPlan#stochastic} with hashed chunks. Results come back on θ's backend.
 * Every quantity is the sum of the shards' case-weighted shares ({@link ShardTasks}); the weight
 * cost is added here. The runner is closed with this data. Under SGD, Adam, RMSProp or L-BFGS it
 * cuts the same shards into hashed minibatches ({@link #minibatches}).
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
    /** Stochastic HF's gradient chunks (0: Martens' plan, the gradient on all cases). */
    private final int gradientChunks;
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
        this(runner, weightCost, 0, curvatureChunks, chunkSeed, lineSearchCases);
    }

    /**
     * Stochastic HF over the shards, as {@link dev.pearl.hf.BatchPlan#stochastic} cuts a training set
     * in process but with hashed chunks: iteration i takes its gradient, CG-backtracking and line
     * search on gradient chunk i mod k of k = round(N / gradientBatch) hashed chunks (the same chunks
     * every pass), and its curvature and ρ on one of that chunk's m hashed sub-chunks of about
     * {@code curvatureBatch} cases, the sub-chunk moving on with every pass
     * ({@link BatchPlan#stochasticSubChunk}).
     *
     * @param runner         where the shards are evaluated
     * @param weightCost     the problem's weight cost (added once, on this side)
     * @param gradientBatch  about how many cases each gradient chunk holds, &gt;= {@value #SMALLEST_MINIBATCH} or all
     * @param curvatureBatch about how many cases each curvature sub-chunk holds, &gt;= {@value #SMALLEST_MINIBATCH} or the whole gradient chunk
     * @param chunkSeed      the seed of the case hashes
     * @return the sharded data
     * @throws IllegalArgumentException if a batch size is too small for hashed chunks (the runner is closed then)
     */
    public static ShardedData stochastic(ShardRunner runner, WeightCost weightCost, int gradientBatch, int curvatureBatch, long chunkSeed) {
        try {
            int cases = 0;
            for (int size : runner.shardSizes()) cases += size;
            requireHashable("gradient batch", gradientBatch, cases);
            int gradientChunks = BatchPlan.chunkCount(cases, gradientBatch);
            requireHashable("curvature batch", curvatureBatch, cases / gradientChunks);
            return new ShardedData(runner, weightCost, gradientChunks,
                    BatchPlan.curvatureChunksPerGradientChunk(cases, gradientBatch, curvatureBatch), chunkSeed, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            runner.close();
            throw e;
        }
    }

    /** Hashed chunks of fewer than about 64 cases could come out empty: refuse them in one line. */
    private static void requireHashable(String what, int size, int of) {
        if (size < Math.min(SMALLEST_MINIBATCH, of))
            throw new IllegalArgumentException("sharded HF cuts hashed chunks and needs a " + what + " >= " + SMALLEST_MINIBATCH
                    + " (or all " + of + " cases), got " + size);
    }

    private ShardedData(ShardRunner runner, WeightCost weightCost, int gradientChunks, int curvatureChunks, long chunkSeed, int lineSearchCases) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.gradientChunks = gradientChunks;
        this.weightCost = Objects.requireNonNull(weightCost, "weightCost");
        this.shardSizes = runner.shardSizes();
        int cases = 0;
        for (int s : shardSizes) cases += s;
        this.cases = cases;
        int source = gradientChunks > 0 ? cases / gradientChunks : cases;
        if (curvatureChunks < 1 || curvatureChunks > source)
            throw new IllegalArgumentException("cannot cut " + source + " cases into " + curvatureChunks + " curvature chunks");
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
        if (gradientChunks == 0) {
            CaseSelection curvature = CaseSelection.ALL.subChunk(Math.floorMod(curvatureChunk, curvatureChunks), curvatureChunks, chunkSeed);
            return new StepCases(CaseSelection.ALL, curvature, lineSearch);
        }
        CaseSelection g = CaseSelection.ALL.subChunk(Math.floorMod(iteration, gradientChunks), gradientChunks, Seeds.mix(chunkSeed, 1));
        CaseSelection c = g.subChunk(BatchPlan.stochasticSubChunk(iteration, gradientChunks, curvatureChunks), curvatureChunks, Seeds.mix(chunkSeed, 2));
        return new StepCases(g, c, g);
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
            if (total == 0) throw new IllegalStateException("chunk " + s.chunk() + " of " + s.chunks() + " holds no cases; use larger batches");
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
