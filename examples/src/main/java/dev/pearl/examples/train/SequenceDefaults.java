package dev.pearl.examples.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an RNN run (--task) starts from where the auto-encoder's defaults ({@link TrainDefaults},
 * {@link dev.pearl.hf.HfSettings}) do not fit: the settings of the HF-RNN code Sutskever released
 * with Martens &amp; Sutskever (2011), read from its demo and problem scripts
 * (docs/sequence-tasks.md lists them with their source). That code computes the gradient on ten
 * batches of 1000 sequences and the curvature on one of them, runs CG for 300 steps, starts λ at
 * 0.01 per "output" of the problem and uses a weight cost of 2e-5; on a fixed training set this is
 * Martens' plan with curvature batches of a tenth of the set, at most 1000.
 */
final class SequenceDefaults {
    static final double WEIGHT_COST = 2e-5;
    static final int CURVATURE_BATCH_CAP = 1_000;
    /** The curvature batch is one of the ten gradient batches. */
    static final int CURVATURE_SHARE = 10;
    static final int CG_MAX_ITERATIONS = 300;
    /** λ0 per output as that code counts outputs (see {@link #initialDamping}). */
    static final double DAMPING_PER_OUTPUT = 0.01;

    private SequenceDefaults() {
    }

    /**
     * HF's settings (by setting key) for {@code trainSize} sequences: λ0 always; the plan's batch
     * sizes and CG cap unless {@code gradientBatch} (given, or null) asks for stochastic HF, whose
     * own defaults then hold.
     */
    static Map<String, Object> hf(SequenceSpec spec, int trainSize, Integer gradientBatch) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (gradientBatch == null || gradientBatch >= trainSize) {
            int curvature = Math.min(CURVATURE_BATCH_CAP, (trainSize + CURVATURE_SHARE - 1) / CURVATURE_SHARE);
            settings.put("gradient_batch", trainSize);
            settings.put("curvature_batch", curvature);
            settings.put("line_search_batch", curvature);
            settings.put("cg_max_iterations", CG_MAX_ITERATIONS);
        }
        settings.put("initial_damping", initialDamping(spec.task(), spec.length()));
        return settings;
    }

    /**
     * λ0: 0.01 times the released code's count of outputs (1 for the marked-pair problems, 8 for
     * temporal order, T for the permutation, symbols × characters × T for memorisation), times
     * the target steps per sequence, since that code averages its loss over target steps where
     * Pearl's sums them per sequence (so the same λ0 means the same step).
     */
    static double initialDamping(String task, int length) {
        double t = length;
        double outputsTimesTargets = switch (task) {
            case "addition", "multiplication", "xor" -> 1;
            case "temporal-order-2", "temporal-order-3" -> 8;
            case "random-permutation" -> t * t;
            case "memorisation-5bit" -> 2 * 5 * t * t;
            case "memorisation-20bit" -> 5 * 10 * t * t;
            default -> throw new IllegalArgumentException("no HF defaults for sequence task '" + task + "'");
        };
        return DAMPING_PER_OUTPUT * outputsTimesTargets;
    }
}
