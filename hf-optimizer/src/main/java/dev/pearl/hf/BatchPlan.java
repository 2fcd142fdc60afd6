package dev.pearl.hf;

import dev.pearl.hf.problem.Batch;

import java.util.Objects;

/**
 * Which cases each part of an HF iteration sees (Martens 2010, §4.3): the gradient on the whole
 * gradient batch (or, in the stochastic variant, on one of its chunks in turn), curvature products
 * (and ρ) on one chunk that cycles over the training set, and CG-backtracking and the line search
 * on their own batch. Cases are used in the given order, so shuffle the training set once
 * beforehand if it is sorted.
 */
public final class BatchPlan {
    /** Martens' CURVES set-up: 5000 of 20000 cases per curvature batch. */
    public static final int DEFAULT_CURVATURE_CHUNKS = 4;

    private final Batch gradient;
    private final int gradientChunks;
    private final Batch curvatureSource;
    private final int curvatureChunks;
    private final Batch lineSearch;
    /** Stochastic HF: curvature chunks and the line search are cut from each iteration's gradient chunk. */
    private final boolean nested;

    /** The batches one iteration uses. */
    public record Batches(Batch gradient, Batch curvature, Batch lineSearch) {
    }

    private BatchPlan(Batch gradient, int gradientChunks, Batch curvatureSource, int curvatureChunks, Batch lineSearch, boolean nested) {
        this.gradient = Objects.requireNonNull(gradient, "gradient batch");
        if (gradientChunks < 1 || gradientChunks > gradient.size())
            throw new IllegalArgumentException("cannot cut " + gradient.size() + " cases into " + gradientChunks + " gradient chunks");
        this.gradientChunks = gradientChunks;
        this.curvatureSource = Objects.requireNonNull(curvatureSource, "curvature batch");
        this.lineSearch = Objects.requireNonNull(lineSearch, "line-search batch");
        if (curvatureChunks < 1 || curvatureChunks > curvatureSource.size())
            throw new IllegalArgumentException("cannot cut " + curvatureSource.size() + " cases into " + curvatureChunks + " curvature chunks");
        this.curvatureChunks = curvatureChunks;
        this.nested = nested;
        if (nested && curvatureChunks > gradient.size() / gradientChunks)
            throw new IllegalArgumentException("cannot cut gradient chunks of " + gradient.size() / gradientChunks + " cases into "
                    + curvatureChunks + " curvature chunks");
    }

    /**
     * The whole training set for gradient and line search, curvature in
     * {@link #DEFAULT_CURVATURE_CHUNKS} chunks (fewer for tiny sets).
     */
    public static BatchPlan of(Batch training) {
        return new BatchPlan(training, 1, training, Math.min(DEFAULT_CURVATURE_CHUNKS, training.size()), training, false);
    }

    /**
     * Stochastic HF (in the spirit of Kiros 2013): iteration i takes its gradient on chunk i of
     * about {@code gradientChunkSize} cases, taken in turn; its curvature products on one of that
     * chunk's sub-chunks of about {@code curvatureChunkSize} cases (cycled); and CG-backtracking,
     * the line search and ρ on the gradient chunk itself, so every decision about a step is made
     * on the cases it was computed from.
     */
    public static BatchPlan stochastic(Batch training, int gradientChunkSize, int curvatureChunkSize) {
        if (gradientChunkSize < 1 || curvatureChunkSize < 1)
            throw new IllegalArgumentException("chunk sizes must be >= 1, got gradient " + gradientChunkSize + " and curvature " + curvatureChunkSize);
        int gradientChunks = (int) Math.max(1, Math.round((double) training.size() / gradientChunkSize));
        int perChunk = training.size() / gradientChunks;
        int curvatureChunks = (int) Math.max(1, Math.min(perChunk, Math.round((double) perChunk / curvatureChunkSize)));
        return new BatchPlan(training, gradientChunks, training, curvatureChunks, training, true);
    }

    /** Curvature chunks cut from the training set: chunk i holds about N / count cases. */
    public BatchPlan withCurvatureChunks(int count) {
        return new BatchPlan(gradient, gradientChunks, curvatureSource, count, lineSearch, nested);
    }

    /** Chunks of about {@code size} cases (count = round(N / size), at least 1). */
    public BatchPlan withCurvatureChunkSize(int size) {
        if (size < 1) throw new IllegalArgumentException("curvature chunk size must be >= 1, got " + size);
        return withCurvatureChunks((int) Math.max(1, Math.round((double) curvatureSource.size() / size)));
    }

    /** A separate batch for CG-backtracking and the line search (for instance a fixed subset). */
    public BatchPlan withLineSearch(Batch batch) {
        if (nested) throw new IllegalStateException("stochastic HF searches on each gradient chunk; it takes no separate line-search batch");
        return new BatchPlan(gradient, gradientChunks, curvatureSource, curvatureChunks, batch, nested);
    }

    /**
     * Stochastic HF: iteration i takes its gradient on chunk i (mod count) of the gradient batch,
     * chunks of about {@code size} cases; Martens' default is one chunk, the whole batch.
     */
    public BatchPlan withGradientChunkSize(int size) {
        if (size < 1) throw new IllegalArgumentException("gradient chunk size must be >= 1, got " + size);
        int count = (int) Math.max(1, Math.round((double) gradient.size() / size));
        return new BatchPlan(gradient, count, curvatureSource, curvatureChunks, lineSearch, nested);
    }

    public int gradientChunks() {
        return gradientChunks;
    }

    /** The gradient batch of iteration {@code index}: the whole batch, or its chunk index mod count. */
    public Batch gradientBatch(int index) {
        return gradientChunks == 1 ? gradient : gradient.chunk(Math.floorMod(index, gradientChunks), gradientChunks);
    }

    public int curvatureChunks() {
        return curvatureChunks;
    }

    /** Curvature chunk {@code index}, taken modulo the chunk count (of the whole set; see {@link #at} for stochastic plans). */
    public Batch curvatureBatch(int index) {
        return curvatureSource.chunk(Math.floorMod(index, curvatureChunks), curvatureChunks);
    }

    /** Whether curvature and line search are cut from each gradient chunk ({@link #stochastic}). */
    public boolean isStochastic() {
        return nested;
    }

    /** The batches of iteration {@code iteration} with curvature chunk {@code curvatureChunk} (mod the count). */
    public Batches at(int iteration, int curvatureChunk) {
        Batch g = gradientBatch(iteration);
        if (!nested) return new Batches(g, curvatureBatch(curvatureChunk), lineSearch);
        Batch c = curvatureChunks == 1 ? g : g.chunk(Math.floorMod(curvatureChunk, curvatureChunks), curvatureChunks);
        return new Batches(g, c, g);
    }
}
