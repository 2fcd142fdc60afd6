package dev.pearl.examples.train;

import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfSettings;
import dev.pearl.hf.parallel.ShardRunner;
import dev.pearl.hf.parallel.ShardedData;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.train.SavedState;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HF on the command line: {@link HfSettings}, whose gradient batch chooses between stochastic HF and Martens' plan. */
final class HfChoice extends OptimizerChoice<HfSettings> {
    /**
     * Version of stochastic HF's batch scheme, stored with its runs: a checkpoint of a scheme that
     * chose its batches differently cannot resume exactly, so it is refused. 3: the curvature
     * sub-chunk from the step alone (2 took it from a counter: the same batches where each gradient
     * batch has one curvature chunk).
     */
    private static final String SCHEME_KEY = "stochastic_hf_scheme", SCHEME = "3", ONE_CHUNK_SCHEME = "2";

    // The gradient batch comes first: it chooses the plan, whose defaults the other settings then change.
    private static final List<Setting<HfSettings, ?>> SETTINGS = List.of(
            Setting.integer("--gradient-batch", "gradient_batch", o -> o.gradientBatch, HfSettings::gradientBatch,
                    (s, g) -> HfSettings.defaultsFor(s.trainingSize(), g)),
            Setting.integer("--curvature-batch", "curvature_batch", o -> o.curvatureBatch, HfSettings::curvatureBatch, HfSettings::withCurvatureBatch),
            Setting.integer("--line-search-batch", "line_search_batch", o -> o.lineSearchBatch, HfSettings::lineSearchBatch,
                    HfSettings::withLineSearchBatch),
            Setting.integer("--cg-max-iterations", "cg_max_iterations", o -> o.cgMaxIterations, HfSettings::cgMaxIterations,
                    HfSettings::withCgMaxIterations),
            Setting.real("--initial-damping", "initial_damping", o -> o.initialDamping, HfSettings::initialDamping, HfSettings::withInitialDamping),
            Setting.real("--min-damping", "minimum_damping", o -> o.minimumDamping, HfSettings::minimumDamping, HfSettings::withMinimumDamping),
            Setting.real("--damping-decrease", "damping_decrease", o -> o.dampingDecrease, HfSettings::dampingDecrease,
                    HfSettings::withDampingDecrease),
            Setting.real("--structural-damping", "structural_damping", o -> o.structuralDamping, HfSettings::structuralDamping,
                    HfSettings::withStructuralDamping));

    HfChoice() {
        super("hf", "HF", "Hessian-free optimisation (Martens 2010)");
    }

    @Override
    List<Setting<HfSettings, ?>> settings() {
        return SETTINGS;
    }

    @Override
    HfSettings defaults(int trainSize) {
        return HfSettings.defaultsFor(trainSize);
    }

    /** Before the gradient batch was a setting, HF took its gradient on the whole set. */
    @Override
    HfSettings storedDefaults(Map<String, String> metadata, int trainSize) {
        return metadata.containsKey("gradient_batch") ? defaults(trainSize) : HfSettings.defaultsFor(trainSize, trainSize);
    }

    @Override
    Trainer<?, ?> trainer(Problem problem, Batch training, HfSettings settings, long seed, int stepsPerRound) {
        return new Trainer<>(new HessianFree(problem, settings.plan(training), settings.options(seed)), stepsPerRound, new HfRows());
    }

    /** The plan over the shards, its chunks by a seeded hash of case indices. */
    @Override
    Trainer<?, ?> shardedTrainer(ShardRunner runner, WeightCost weightCost, Batch training, HfSettings settings, long seed, int stepsPerRound) {
        ShardedData data = settings.isStochastic()
                ? ShardedData.stochastic(runner, weightCost, settings.gradientBatch(), settings.curvatureBatch(), seed)
                : new ShardedData(runner, weightCost, settings.plan(training).curvatureChunks(), seed, settings.lineSearchBatch());
        return new Trainer<>(new HessianFree(data, settings.options(seed)), stepsPerRound, new HfRows());
    }

    @Override
    String describe(HfSettings s, int trainSize, String cases) {
        String damping = "damping from " + Format.number(s.initialDamping())
                + (s.minimumDamping() > 0 ? " (at least " + Format.number(s.minimumDamping()) + ")" : "")
                + (s.dampingDecrease() != HfSettings.DAMPING_DECREASE ? ", decreasing by " + Format.number(s.dampingDecrease()) : "");
        return s.isStochastic()
                ? String.format(Locale.ROOT, "stochastic HF: gradient and line search on batches of %d %s taken in turn, curvature and rho on %d of them, CG at most %d steps, %s",
                s.gradientBatch(), cases, s.curvatureBatch(), s.cgMaxIterations(), damping)
                : String.format(Locale.ROOT, "HF: gradient on all training %s, curvature batches of %d %s taken in turn, CG at most %d steps, line search on %d, %s",
                cases, s.curvatureBatch(), cases, s.cgMaxIterations(), s.lineSearchBatch(), damping);
    }

    /** Stochastic HF: a row after every pass over the training set, or after {@link TrainDefaults#STOCHASTIC_STEPS_CAP} steps if sooner. */
    @Override
    int defaultStepsPerRound(HfSettings settings, int trainSize) {
        return settings.isStochastic() ? Math.min(TrainDefaults.STOCHASTIC_STEPS_CAP, settings.gradientBatches()) : 1;
    }

    @Override
    Map<String, String> extraMetadata(HfSettings settings) {
        return settings.isStochastic() ? Map.of(SCHEME_KEY, SCHEME) : Map.of();
    }

    @Override
    void checkResumable(HfSettings settings, Map<String, String> metadata, String source) {
        String written = metadata.get(SCHEME_KEY);
        boolean sameBatches = SCHEME.equals(written) || ONE_CHUNK_SCHEME.equals(written) && settings.curvatureChunks() == 1;
        if (settings.isStochastic() && !sameBatches)
            throw new IllegalArgumentException(source + ": a stochastic-HF run (--gradient-batch) written by an older pearl, which chose "
                    + "its batches differently; it cannot be resumed exactly, so start a new run");
    }

    /** Checkpoints from before rounds hold one HF step per iteration and no step count. */
    @Override
    SavedState upgrade(SavedState saved, int iteration) {
        return saved.has(HessianFree.SAVED_STEPS) ? saved : saved.putInteger(HessianFree.SAVED_STEPS, iteration);
    }
}
