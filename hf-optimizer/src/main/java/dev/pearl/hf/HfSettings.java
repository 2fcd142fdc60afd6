package dev.pearl.hf;

import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.train.SettingChecks;

/**
 * HF as a training run sets it up on a training set of a given size: the batch sizes of its
 * {@link BatchPlan}, CG's step cap and the damping range, with the defaults and rules of both
 * plans in this one place. A gradient batch smaller than the training set is stochastic HF
 * ({@link BatchPlan#stochastic}): its curvature batches are cut from each gradient batch and the
 * line search runs on the gradient batch itself. A gradient batch of the whole set is Martens'
 * plan ({@link BatchPlan#of}): curvature chunks of the set taken in turn, backtracking and the
 * line search on its first {@code lineSearchBatch} cases.
 *
 * <p>{@link #defaultsFor(int)} gives the stochastic plan that passed momentum SGD on CURVES within
 * 30 minutes on two cores (docs/results/curves-30min; that run also set λ0 = 1, which CURVES likes
 * and Fashion-MNIST does not, so λ0 stays Martens' 45) when the set holds two gradient batches,
 * and Martens' plan with his defaults on smaller sets.
 *
 * @param trainingSize    the training cases the settings are for
 * @param gradientBatch   cases per gradient batch, batches taken in turn (the training set size: Martens' whole-set gradient)
 * @param curvatureBatch  cases per curvature chunk (stochastic HF: cut from each gradient batch)
 * @param lineSearchBatch backtracking and the line search use the first this many cases (stochastic HF: the gradient batch itself)
 * @param cgMaxIterations CG steps at most per HF step
 * @param initialDamping  λ of the first step
 * @param minimumDamping  λ never falls below this (0: no floor)
 * @param dampingDecrease λ is multiplied by this after a step whose ρ exceeds 3/4 (Martens: 2/3). On the
 *                        CURVES plateau the directions that leave it have curvature far below λ0, and
 *                        ρ stays near 1 while λ falls towards them (docs/results/hf-plateau.md)
 * @param structuralDamping μ of {@link HfOptions#structuralDamping} (Martens &amp; Sutskever: 1/30; 0: plain
 *                        Gauss-Newton); it acts only on a problem whose model declares structural values
 */
public record HfSettings(int trainingSize, int gradientBatch, int curvatureBatch, int lineSearchBatch, int cgMaxIterations,
                         double initialDamping, double minimumDamping, double dampingDecrease, double structuralDamping) {
    /** Stochastic HF: gradient batches of 1000 cases when the training set holds at least two of them. */
    public static final int STOCHASTIC_GRADIENT_BATCH = 1_000;
    /** Stochastic HF: curvature on the whole gradient batch, at most 1000 cases of it. */
    public static final int STOCHASTIC_CURVATURE_CAP = 1_000;
    /**
     * Stochastic HF: at most 25 CG steps. On CURVES 10, 50 and 100 all did worse in the first
     * minutes, and longer solves on one batch fit its noise (docs/results/curves-30min).
     */
    public static final int STOCHASTIC_CG_MAX_ITERATIONS = 25;
    /**
     * Stochastic HF: λ stays at or above this. ρ measured on a step's own batch reads near 1 long
     * after steps mostly fit that batch's noise; without a floor λ fell to 1e-45 on CURVES and
     * training stalled (docs/results/curves-30min).
     */
    public static final double STOCHASTIC_MIN_DAMPING = 1e-3;
    /** Martens: curvature on a quarter of the set (5000 of the 20000 CURVES cases), at most this many. */
    public static final int CURVATURE_BATCH_CAP = 5_000;
    /** Martens (2010): at most 250 CG steps per HF step. */
    public static final int CG_MAX_ITERATIONS = 250;
    /** Martens (2010): λ0 = 45. */
    public static final double INITIAL_DAMPING = 45;
    /** Martens (2010): λ ← 2/3 λ after a step with ρ &gt; 3/4. */
    public static final double DAMPING_DECREASE = 2.0 / 3.0;

    /**
     * Checks the settings against each other and the training set.
     *
     * @param trainingSize    the training cases, &gt;= 1
     * @param gradientBatch   cases per gradient batch, in [1, trainingSize]; below trainingSize it must make at least two batches
     * @param curvatureBatch  cases per curvature chunk, in [1, trainingSize] (stochastic HF: at most gradientBatch)
     * @param lineSearchBatch cases of the line search, in [1, trainingSize] (stochastic HF: gradientBatch)
     * @param cgMaxIterations CG steps at most per HF step, &gt;= 1
     * @param initialDamping  λ of the first step, &gt; 0
     * @param minimumDamping  λ's floor, in [0, initialDamping]
     * @param dampingDecrease λ's factor after a step with ρ &gt; 3/4, in (0, 2/3]
     * @param structuralDamping μ of structural damping, finite and &gt;= 0
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public HfSettings {
        SettingChecks.atLeast("HF training set size", trainingSize, 1);
        requireWithin("HF gradient batch", gradientBatch, trainingSize);
        requireWithin("HF curvature batch", curvatureBatch, trainingSize);
        requireWithin("HF line-search batch", lineSearchBatch, trainingSize);
        SettingChecks.atLeast("HF CG steps at most", cgMaxIterations, 1);
        SettingChecks.positive("HF initial damping", initialDamping);
        if (!(minimumDamping >= 0 && minimumDamping <= initialDamping))
            throw new IllegalArgumentException("HF minimum damping must lie in [0, initial damping " + initialDamping + "], got " + minimumDamping);
        // Above 1/1.5 a rejected step (λ × 3/2) followed by an accepted one would not bring λ back down.
        if (!(dampingDecrease > 0 && dampingDecrease <= DAMPING_DECREASE))
            throw new IllegalArgumentException("HF damping decrease must lie in (0, 2/3], got " + dampingDecrease);
        HfOptions.checkStructuralDamping(structuralDamping);
        if (gradientBatch < trainingSize) {
            if (BatchPlan.chunkCount(trainingSize, gradientBatch) < 2)
                throw new IllegalArgumentException("HF gradient batch " + gradientBatch + " of " + trainingSize + " training cases makes a single batch; "
                        + "use at most " + trainingSize * 2 / 3 + " for stochastic HF, or " + trainingSize + " for the whole-set gradient");
            if (curvatureBatch > gradientBatch)
                throw new IllegalArgumentException("HF curvature batch " + curvatureBatch + " is larger than the gradient batch " + gradientBatch
                        + ": stochastic HF cuts its curvature batches from each gradient batch");
            if (lineSearchBatch != gradientBatch)
                throw new IllegalArgumentException("HF line-search batch " + lineSearchBatch + " does not apply to stochastic HF (gradient batch "
                        + gradientBatch + " of " + trainingSize + " cases), which searches on each gradient batch; "
                        + "a gradient batch of all " + trainingSize + " cases gives Martens' plan");
        }
    }

    /**
     * The settings with Martens' λ decrease of 2/3 and Martens &amp; Sutskever's μ.
     *
     * @param trainingSize    the training cases
     * @param gradientBatch   cases per gradient batch
     * @param curvatureBatch  cases per curvature chunk
     * @param lineSearchBatch cases of the line search
     * @param cgMaxIterations CG steps at most per HF step
     * @param initialDamping  λ of the first step
     * @param minimumDamping  λ's floor
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public HfSettings(int trainingSize, int gradientBatch, int curvatureBatch, int lineSearchBatch, int cgMaxIterations,
                      double initialDamping, double minimumDamping) {
        this(trainingSize, gradientBatch, curvatureBatch, lineSearchBatch, cgMaxIterations, initialDamping, minimumDamping, DAMPING_DECREASE,
                HfOptions.STRUCTURAL_DAMPING);
    }

    /**
     * The defaults for {@code trainingSize} cases: stochastic HF when they make two gradient batches, else Martens' plan.
     *
     * @param trainingSize the training cases, &gt;= 1
     * @return the default settings
     */
    public static HfSettings defaultsFor(int trainingSize) {
        return defaultsFor(trainingSize, trainingSize >= 2 * STOCHASTIC_GRADIENT_BATCH ? STOCHASTIC_GRADIENT_BATCH : trainingSize);
    }

    /**
     * The defaults of the plan that gradient batches of {@code gradientBatch} cases make.
     *
     * @param trainingSize the training cases, &gt;= 1
     * @param gradientBatch cases per gradient batch; trainingSize or more gives Martens' plan
     * @return the default settings of that plan
     * @throws IllegalArgumentException if gradientBatch makes fewer than two batches yet is below trainingSize
     */
    public static HfSettings defaultsFor(int trainingSize, int gradientBatch) {
        if (gradientBatch >= trainingSize) {
            int curvature = Math.min(CURVATURE_BATCH_CAP, (trainingSize + 3) / 4);
            return new HfSettings(trainingSize, gradientBatch, curvature, curvature, CG_MAX_ITERATIONS, INITIAL_DAMPING, 0);
        }
        int curvature = Math.max(1, Math.min(gradientBatch, STOCHASTIC_CURVATURE_CAP));
        return new HfSettings(trainingSize, gradientBatch, curvature, gradientBatch, STOCHASTIC_CG_MAX_ITERATIONS, INITIAL_DAMPING,
                STOCHASTIC_MIN_DAMPING);
    }

    /**
     * Gradient batches smaller than the training set: curvature and line search come from each gradient batch.
     *
     * @return whether gradientBatch &lt; trainingSize
     */
    public boolean isStochastic() {
        return gradientBatch < trainingSize;
    }

    /**
     * Gradient batches per pass over the training set (1 for Martens' plan).
     *
     * @return the number of gradient batches
     */
    public int gradientBatches() {
        return isStochastic() ? BatchPlan.chunkCount(trainingSize, gradientBatch) : 1;
    }

    /**
     * Curvature chunks per gradient batch of stochastic HF (1: the curvature on the whole batch), or
     * Martens' curvature chunks of the training set.
     *
     * @return the number of curvature chunks
     */
    public int curvatureChunks() {
        return BatchPlan.curvatureChunksPerGradientChunk(trainingSize, isStochastic() ? gradientBatch : trainingSize, curvatureBatch);
    }

    /**
     * These settings with another curvature batch.
     *
     * @param cases cases per curvature chunk
     * @return new settings
     * @throws IllegalArgumentException if the value does not fit the plan
     */
    public HfSettings withCurvatureBatch(int cases) {
        return new HfSettings(trainingSize, gradientBatch, cases, lineSearchBatch, cgMaxIterations, initialDamping, minimumDamping, dampingDecrease, structuralDamping);
    }

    /**
     * These settings with another line-search batch (Martens' plan only).
     *
     * @param cases cases of the line search
     * @return new settings
     * @throws IllegalArgumentException if the value does not fit the plan
     */
    public HfSettings withLineSearchBatch(int cases) {
        return new HfSettings(trainingSize, gradientBatch, curvatureBatch, cases, cgMaxIterations, initialDamping, minimumDamping, dampingDecrease, structuralDamping);
    }

    /**
     * These settings with another CG cap.
     *
     * @param steps CG steps at most per HF step, &gt;= 1
     * @return new settings
     * @throws IllegalArgumentException if steps is below 1
     */
    public HfSettings withCgMaxIterations(int steps) {
        return new HfSettings(trainingSize, gradientBatch, curvatureBatch, lineSearchBatch, steps, initialDamping, minimumDamping, dampingDecrease, structuralDamping);
    }

    /**
     * λ0 = {@code lambda}; a floor above it is lowered to it, so that a default floor never exceeds a λ0 chosen below it.
     *
     * @param lambda λ0, &gt; 0
     * @return new settings
     * @throws IllegalArgumentException if lambda is not positive
     */
    public HfSettings withInitialDamping(double lambda) {
        return new HfSettings(trainingSize, gradientBatch, curvatureBatch, lineSearchBatch, cgMaxIterations, lambda, Math.min(minimumDamping, lambda), dampingDecrease, structuralDamping);
    }

    /**
     * The floor of λ, which must not exceed λ0.
     *
     * @param lambda the floor, in [0, λ0]
     * @return new settings
     * @throws IllegalArgumentException if lambda is out of range
     */
    public HfSettings withMinimumDamping(double lambda) {
        return new HfSettings(trainingSize, gradientBatch, curvatureBatch, lineSearchBatch, cgMaxIterations, initialDamping, lambda, dampingDecrease, structuralDamping);
    }

    /**
     * λ's factor after a step with ρ &gt; 3/4, in (0, 2/3].
     *
     * @param factor the factor
     * @return new settings
     * @throws IllegalArgumentException if factor is out of range
     */
    public HfSettings withDampingDecrease(double factor) {
        return new HfSettings(trainingSize, gradientBatch, curvatureBatch, lineSearchBatch, cgMaxIterations, initialDamping, minimumDamping, factor, structuralDamping);
    }

    /**
     * These settings with another μ of structural damping.
     *
     * @param mu μ, finite and &gt;= 0 (0: off)
     * @return new settings
     * @throws IllegalArgumentException if mu is negative, NaN or infinite
     */
    public HfSettings withStructuralDamping(double mu) {
        return new HfSettings(trainingSize, gradientBatch, curvatureBatch, lineSearchBatch, cgMaxIterations, initialDamping, minimumDamping,
                dampingDecrease, mu);
    }

    /**
     * The batches of the plan on {@code training}, which must hold {@link #trainingSize} cases.
     *
     * @param training the training set
     * @return the plan: stochastic or Martens'
     * @throws IllegalArgumentException if training does not hold trainingSize cases
     */
    public BatchPlan plan(Batch training) {
        if (training.size() != trainingSize)
            throw new IllegalArgumentException("HF settings for " + trainingSize + " training cases, given " + training.size());
        return isStochastic()
                ? BatchPlan.stochastic(training, gradientBatch, curvatureBatch)
                : BatchPlan.of(training).withCurvatureChunkSize(curvatureBatch).withLineSearch(training.slice(0, lineSearchBatch));
    }

    /**
     * Martens' options with this CG cap, damping range and decrease, μ, and {@code seed} for the random draws.
     *
     * @param seed the seed of the optimizer's random draws
     * @return the options
     */
    public HfOptions options(long seed) {
        HfOptions martens = HfOptions.martens().withSeed(seed);
        LevenbergMarquardt damping = martens.damping().withLambdaRange(initialDamping, minimumDamping);
        return martens.withDamping(damping.withFactors(damping.increase(), dampingDecrease))
                .withCg(martens.cg().withMaxIterations(cgMaxIterations)).withStructuralDamping(structuralDamping);
    }

    private static void requireWithin(String setting, int value, int trainingSize) {
        if (value < 1 || value > trainingSize)
            throw new IllegalArgumentException(setting + " must lie between 1 and the " + trainingSize + " training cases, got " + value);
    }
}
