package dev.pearl.hf;

import dev.pearl.hf.problem.Batch;

import java.util.Objects;

/**
 * Which cases each part of an HF iteration sees. Martens' plan ({@link #of}, 2010 §4.3): the
 * gradient on the whole training set, curvature products and ρ on one chunk that cycles over the
 * training set, CG-backtracking and the line search on their own batch. The stochastic plan
 * ({@link #stochastic}): each step's gradient on the next chunk of the training set, curvature and
 * ρ on a sub-chunk of it, backtracking and line search on the chunk itself. Cases are used in the
 * given order, so shuffle the training set once beforehand if it is sorted.
 */
public final class BatchPlan {
    /** Martens' CURVES set-up: 5000 of 20000 cases per curvature batch. */
    public static final int DEFAULT_CURVATURE_CHUNKS = 4;

    private final Batch training;
    private final int gradientChunks;
    private final int curvatureChunks;
    private final Batch lineSearch;
    /** Stochastic HF: curvature chunks and the line search are cut from each iteration's gradient chunk. */
    private final boolean nested;

    /**
     * The batches one iteration uses.
     *
     * @param gradient the cases of the gradient (and of the objective before and after the step)
     * @param curvature the cases of the curvature products and of ρ
     * @param lineSearch the cases of CG-backtracking and the line search
     */
    public record Batches(Batch gradient, Batch curvature, Batch lineSearch) {
    }

    private BatchPlan(Batch training, int gradientChunks, int curvatureChunks, Batch lineSearch, boolean nested) {
        this.training = Objects.requireNonNull(training, "training batch");
        this.lineSearch = Objects.requireNonNull(lineSearch, "line-search batch");
        if (gradientChunks < 1 || gradientChunks > Math.max(1, training.size()))
            throw new IllegalArgumentException("cannot cut " + training.size() + " cases into " + gradientChunks + " gradient chunks");
        int source = nested ? training.size() / gradientChunks : training.size();
        if (curvatureChunks < 1 || curvatureChunks > Math.max(1, source))
            throw new IllegalArgumentException("cannot cut " + source + " cases into " + curvatureChunks + " curvature chunks");
        this.gradientChunks = gradientChunks;
        this.curvatureChunks = curvatureChunks;
        this.nested = nested;
    }

    /**
     * Martens' plan: the whole training set for gradient and line search, curvature in
     * {@link #DEFAULT_CURVATURE_CHUNKS} chunks (fewer for tiny sets).
     *
     * @param training the training set
     * @return the plan
     */
    public static BatchPlan of(Batch training) {
        return new BatchPlan(training, 1, Math.min(DEFAULT_CURVATURE_CHUNKS, Math.max(1, training.size())), training, false);
    }

    /**
     * Stochastic HF (in the spirit of Kiros 2013): step i takes its gradient on chunk i mod c of
     * about {@code gradientChunkSize} cases (c = {@link #chunkCount}); its curvature products and ρ
     * on one of that chunk's sub-chunks of about {@code curvatureChunkSize} cases, the sub-chunk
     * moving on with every pass so that every case serves the curvature; and CG-backtracking and
     * the line search on the gradient chunk itself, so a step is accepted or cut back on the cases
     * it was computed from.
     *
     * @param training the training set
     * @param gradientChunkSize about how many cases each gradient chunk holds, &gt;= 1
     * @param curvatureChunkSize about how many cases each curvature sub-chunk holds, &gt;= 1
     * @return the plan
     * @throws IllegalArgumentException if the sizes cannot cut the set or its chunks
     */
    public static BatchPlan stochastic(Batch training, int gradientChunkSize, int curvatureChunkSize) {
        int gradientChunks = chunkCount(training.size(), gradientChunkSize);
        return new BatchPlan(training, gradientChunks, curvatureChunksPerGradientChunk(training.size(), gradientChunkSize, curvatureChunkSize),
                training, true);
    }

    /**
     * Curvature chunks in each of the round(cases / gradientChunkSize) gradient chunks of
     * {@code cases} cases: round(chunk / curvatureChunkSize), at most the chunk's cases. With a
     * gradient chunk of all cases, Martens' plan's curvature chunks.
     *
     * @param cases the training cases
     * @param gradientChunkSize about how many cases each gradient chunk holds, &gt;= 1
     * @param curvatureChunkSize about how many cases each curvature chunk holds, &gt;= 1
     * @return the number of curvature chunks per gradient chunk
     * @throws IllegalArgumentException if a size is below 1
     */
    public static int curvatureChunksPerGradientChunk(int cases, int gradientChunkSize, int curvatureChunkSize) {
        int perChunk = cases / chunkCount(cases, gradientChunkSize);
        return Math.min(perChunk, chunkCount(perChunk, curvatureChunkSize));
    }

    /**
     * How many chunks of about {@code size} cases {@code cases} cases make: round(cases / size), at least 1.
     *
     * @param cases the cases to cut
     * @param size the wanted chunk size, &gt;= 1
     * @return the number of chunks
     * @throws IllegalArgumentException if size is below 1
     */
    public static int chunkCount(int cases, int size) {
        if (size < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + size);
        return (int) Math.max(1, Math.round((double) cases / size));
    }

    /**
     * Martens' plan with {@code count} curvature chunks of the training set.
     *
     * @param count the number of curvature chunks, in [1, training cases]
     * @return a new plan
     * @throws IllegalArgumentException if count is out of range
     * @throws IllegalStateException if this plan is stochastic
     */
    public BatchPlan withCurvatureChunks(int count) {
        requireWholeSetPlan("curvature chunks");
        return new BatchPlan(training, gradientChunks, count, lineSearch, nested);
    }

    /**
     * Martens' plan with curvature chunks of about {@code size} cases.
     *
     * @param size about how many cases each curvature chunk holds, &gt;= 1
     * @return a new plan
     * @throws IllegalArgumentException if size is below 1
     * @throws IllegalStateException if this plan is stochastic
     */
    public BatchPlan withCurvatureChunkSize(int size) {
        return withCurvatureChunks(chunkCount(training.size(), size));
    }

    /**
     * Martens' plan with a separate batch for CG-backtracking and the line search (for instance a fixed subset).
     *
     * @param batch the cases of CG-backtracking and the line search
     * @return a new plan
     * @throws IllegalStateException if this plan is stochastic
     */
    public BatchPlan withLineSearch(Batch batch) {
        requireWholeSetPlan("line-search batch");
        return new BatchPlan(training, gradientChunks, curvatureChunks, batch, nested);
    }

    private void requireWholeSetPlan(String what) {
        if (nested)
            throw new IllegalStateException("a stochastic plan cuts its " + what + " from each gradient chunk; give the sizes to BatchPlan.stochastic");
    }

    /**
     * Gradient chunks of the training set, taken in turn (1 for Martens' plan).
     *
     * @return the number of gradient chunks
     */
    public int gradientChunks() {
        return gradientChunks;
    }

    /**
     * Curvature chunks of the training set (Martens' plan) or of each gradient chunk (stochastic plan).
     *
     * @return the number of curvature chunks
     */
    public int curvatureChunks() {
        return curvatureChunks;
    }

    /**
     * Whether curvature and line search are cut from each gradient chunk ({@link #stochastic}).
     *
     * @return whether this is a stochastic plan
     */
    public boolean isStochastic() {
        return nested;
    }

    /**
     * The batches of iteration {@code iteration} with curvature chunk {@code curvatureChunk} (mod the
     * count). The stochastic plan takes its sub-chunk from the iteration alone ({@link #stochasticSubChunk}).
     *
     * @param iteration the HF step, from 0
     * @param curvatureChunk Martens' plan: the curvature chunk's number, taken modulo the count
     * @return the step's batches
     */
    public Batches at(int iteration, int curvatureChunk) {
        if (!nested) {
            Batch curvature = training.chunk(Math.floorMod(curvatureChunk, curvatureChunks), curvatureChunks);
            return new Batches(training, curvature, lineSearch);
        }
        Batch g = gradientChunks == 1 ? training : training.chunk(Math.floorMod(iteration, gradientChunks), gradientChunks);
        Batch c = curvatureChunks == 1 ? g : g.chunk(stochasticSubChunk(iteration, gradientChunks, curvatureChunks), curvatureChunks);
        return new Batches(g, c, g);
    }

    /**
     * Stochastic HF's curvature sub-chunk at step i: (j + p) mod m for gradient chunk j = i mod k
     * of pass p = i / k, so every gradient chunk meets each of its m sub-chunks once in m passes,
     * whatever k and m are (a counter advancing with every step would, when k + 1 and m share a
     * factor, give a chunk the same sub-chunks pass after pass).
     *
     * @param iteration the HF step, from 0
     * @param gradientChunks k, &gt;= 1
     * @param curvatureChunks m, &gt;= 1
     * @return the sub-chunk, in [0, m)
     */
    public static int stochasticSubChunk(int iteration, int gradientChunks, int curvatureChunks) {
        long chunk = Math.floorMod(iteration, gradientChunks), pass = Math.floorDiv(iteration, gradientChunks);
        return (int) Math.floorMod(chunk + pass, (long) curvatureChunks);
    }
}
