package dev.pearl.hf;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgIterate;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * CG-backtracking (Martens 2010, §4.6): the last CG iterate minimises the quadratic model best but
 * may overshoot the true objective, so walk back through the kept iterates while the objective
 * keeps decreasing and take the last one that still improved. Non-finite values count as +∞, and
 * the walk does not stop while it has seen nothing finite yet.
 */
public final class CgBacktracking {
    private CgBacktracking() {
    }

    /**
     * The chosen iterate, the objective at θ + its solution, and the objective evaluations made.
     *
     * @param iterate     the chosen CG iterate
     * @param objective   f(θ + its solution), +∞ when not finite
     * @param evaluations objective values computed by the walk
     */
    public record Choice(CgIterate iterate, double objective, int evaluations) {
    }

    /**
     * Walks back from the last iterate while the objective keeps decreasing.
     *
     * @param iterates        the kept iterates in CG order (the last is the final one)
     * @param objectiveOfStep p ↦ f(θ + p) on the backtracking batch; NaN or ∞ counts as worse
     * @return the chosen iterate and its objective
     * @throws IllegalArgumentException if iterates is empty
     */
    public static Choice choose(List<CgIterate> iterates, ToDoubleFunction<Params> objectiveOfStep) {
        if (iterates.isEmpty()) throw new IllegalArgumentException("backtracking needs at least one CG iterate");
        int best = iterates.size() - 1;
        double bestValue = finiteOrInfinity(objectiveOfStep.applyAsDouble(iterates.get(best).solution()));
        int evaluations = 1;
        for (int j = best - 1; j >= 0; j--) {
            double value = finiteOrInfinity(objectiveOfStep.applyAsDouble(iterates.get(j).solution()));
            evaluations++;
            if (value < bestValue) {
                best = j;
                bestValue = value;
            } else if (bestValue < Double.POSITIVE_INFINITY) {
                break;
            }
            // While every later iterate was non-finite, keep looking further back.
        }
        return new Choice(iterates.get(best), bestValue, evaluations);
    }

    private static double finiteOrInfinity(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
