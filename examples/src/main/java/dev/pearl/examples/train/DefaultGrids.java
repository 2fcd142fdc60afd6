package dev.pearl.examples.train;

import dev.pearl.hf.HfSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The grid {@code pearl tune} runs for each optimizer unless --grid replaces an axis: five
 * half-decades of learning rate around its default (and μ or μ_max in {0.9, 0.99, 0.995, 0.999}
 * for momentum: 20 trials), and for HF as many trials over its own knobs: five initial dampings
 * λ0 from 1 to 100 (a model with its own λ0, the RNN's, gets five around it), two CG caps and two
 * curvature batches. L-BFGS, which has no learning rate, gets three history lengths.
 */
final class DefaultGrids {
    static final List<Double> MOMENTA = List.of(0.9, 0.99, 0.995, 0.999);
    private static final Set<String> MOMENTUM_FLAGS = Set.of("--momentum", "--max-momentum");

    private DefaultGrids() {
    }

    /**
     * The default axes of {@code choice} on {@code trainSize} cases around the settings a run starts
     * from ({@code start}, by setting key: the model's own defaults, see {@link ModelKind#settingDefaults}),
     * with {@code given} axes (by flag) replacing or adding to them.
     */
    static List<GridAxis> axes(OptimizerChoice<?> choice, int trainSize, Map<String, Object> start, Map<String, List<Double>> given) {
        Map<String, List<Double>> values = new LinkedHashMap<>(defaults(choice, trainSize, start));
        values.putAll(given);
        List<GridAxis> axes = new ArrayList<>();
        values.forEach((flag, v) -> axes.add(axis(choice, trainSize, flag, v)));
        return axes;
    }

    /** An axis of {@code choice}'s setting {@code flag}; a flag it does not take is an error naming its own. */
    static GridAxis axis(OptimizerChoice<?> choice, int trainSize, String flag, List<Double> values) {
        Object defaultValue = choice.defaultValue(flag, trainSize);
        return new GridAxis(flag, values, defaultValue instanceof Integer, MOMENTUM_FLAGS.contains(flag));
    }

    private static Map<String, List<Double>> defaults(OptimizerChoice<?> choice, int trainSize, Map<String, Object> start) {
        Map<String, List<Double>> axes = new LinkedHashMap<>();
        switch (choice.key()) {
            case "hf" -> {
                HfSettings hf = (HfSettings) choice.configure(start, trainSize);
                // Martens' λ0 = 45 keeps the grid 1 … 100; another model's λ0 sits in the middle of its five half-decades.
                double lambda = hf.initialDamping();
                double first = lambda == HfSettings.INITIAL_DAMPING ? 1 : GridAxis.halfDecadeBeyond(GridAxis.halfDecadeBeyond(lambda, -1), -1);
                axes.put("--initial-damping", halfDecades(first, 5));
                axes.put("--cg-max-iterations", List.of((double) Math.max(1, Math.round(0.4 * hf.cgMaxIterations())), (double) hf.cgMaxIterations()));
                axes.put("--curvature-batch", List.of((double) Math.max(1, hf.curvatureBatch() / 4), (double) hf.curvatureBatch()));
            }
            case "lbfgs" -> axes.put("--history", halfDecades(3, 3));
            default -> {
                double rate = ((Number) choice.defaultValue("--learning-rate", trainSize)).doubleValue();
                axes.put("--learning-rate", halfDecades(GridAxis.halfDecadeBeyond(GridAxis.halfDecadeBeyond(rate, -1), -1), 5));
                if (choice.flags().contains("--momentum")) axes.put("--momentum", MOMENTA);
                if (choice.flags().contains("--max-momentum")) axes.put("--max-momentum", MOMENTA);
            }
        }
        return axes;
    }

    /** {@code count} successive half-decades from {@code first} (1 or 3 times a power of ten). */
    static List<Double> halfDecades(double first, int count) {
        int k = (int) Math.round(2 * Math.log10(first));
        return IntStream.range(k, k + count).mapToObj(GridAxis::halfDecade).toList();
    }
}
