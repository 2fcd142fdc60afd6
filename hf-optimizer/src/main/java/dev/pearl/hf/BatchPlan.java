package dev.pearl.hf;

import dev.pearl.hf.problem.Batch;

import java.util.Objects;

/**
 * Which cases each part of an HF iteration sees (Martens 2010, §4.3): the gradient on the whole
 * gradient batch, curvature products (and ρ) on one chunk that cycles over the training set, and
 * CG-backtracking and the line search on their own batch. Cases are used in the given order, so
 * shuffle the training set once beforehand if it is sorted.
 */
public final class BatchPlan {
    /** Martens' CURVES set-up: 5000 of 20000 cases per curvature batch. */
    public static final int DEFAULT_CURVATURE_CHUNKS = 4;

    private final Batch gradient;
    private final Batch curvatureSource;
    private final int curvatureChunks;
    private final Batch lineSearch;

    private BatchPlan(Batch gradient, Batch curvatureSource, int curvatureChunks, Batch lineSearch) {
        this.gradient = Objects.requireNonNull(gradient, "gradient batch");
        this.curvatureSource = Objects.requireNonNull(curvatureSource, "curvature batch");
        this.lineSearch = Objects.requireNonNull(lineSearch, "line-search batch");
        if (curvatureChunks < 1 || curvatureChunks > curvatureSource.size())
            throw new IllegalArgumentException("cannot cut " + curvatureSource.size() + " cases into " + curvatureChunks + " curvature chunks");
        this.curvatureChunks = curvatureChunks;
    }

    /**
     * The whole training set for gradient and line search, curvature in
     * {@link #DEFAULT_CURVATURE_CHUNKS} chunks (fewer for tiny sets).
     */
    public static BatchPlan of(Batch training) {
        return new BatchPlan(training, training, Math.min(DEFAULT_CURVATURE_CHUNKS, training.size()), training);
    }

    /** Curvature chunks cut from the training set: chunk i holds about N / count cases. */
    public BatchPlan withCurvatureChunks(int count) {
        return new BatchPlan(gradient, curvatureSource, count, lineSearch);
    }

    /** Chunks of about {@code size} cases (count = round(N / size), at least 1). */
    public BatchPlan withCurvatureChunkSize(int size) {
        if (size < 1) throw new IllegalArgumentException("curvature chunk size must be >= 1, got " + size);
        return withCurvatureChunks((int) Math.max(1, Math.round((double) curvatureSource.size() / size)));
    }

    /** A separate batch for CG-backtracking and the line search (for instance a fixed subset). */
    public BatchPlan withLineSearch(Batch batch) {
        return new BatchPlan(gradient, curvatureSource, curvatureChunks, batch);
    }

    public Batch gradientBatch() {
        return gradient;
    }

    public int curvatureChunks() {
        return curvatureChunks;
    }

    /** Curvature chunk {@code index}, taken modulo the chunk count. */
    public Batch curvatureBatch(int index) {
        return curvatureSource.chunk(Math.floorMod(index, curvatureChunks), curvatureChunks);
    }

    public Batch lineSearchBatch() {
        return lineSearch;
    }
}
