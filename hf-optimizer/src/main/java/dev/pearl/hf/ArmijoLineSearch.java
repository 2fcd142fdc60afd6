package dev.pearl.hf;

import java.util.function.DoubleUnaryOperator;

/**
 * Backtracking line search on the chosen CG step (Martens &amp; Sutskever 2012, §8.8): try rates
 * 1, 0.8, 0.8², ... until f(θ + αp) ≤ f(θ) + c·α·∇fᵀp; if no tried rate passes, the rate is 0
 * and the step is rejected.
 *
 * @param sufficientDecrease c (1e-2)
 * @param shrink             factor between tried rates (0.8)
 * @param maxTries           rates tried, counting α = 1 (60)
 */
public record ArmijoLineSearch(double sufficientDecrease, double shrink, int maxTries) {

    public ArmijoLineSearch {
        if (!(sufficientDecrease >= 0 && sufficientDecrease < 1)) throw new IllegalArgumentException("Armijo c must lie in [0, 1), got " + sufficientDecrease);
        if (!(shrink > 0 && shrink < 1)) throw new IllegalArgumentException("line-search shrink factor must lie in (0, 1), got " + shrink);
        if (maxTries < 1) throw new IllegalArgumentException("line search needs at least one try, got " + maxTries);
    }

    public static ArmijoLineSearch martens() {
        return new ArmijoLineSearch(1e-2, 0.8, 60);
    }

    public ArmijoLineSearch withMaxTries(int tries) {
        return new ArmijoLineSearch(sufficientDecrease, shrink, tries);
    }

    /** The accepted rate (0 when none passed), the objective there, and how many values were computed. */
    public record Result(double rate, double objective, int evaluations) {
        public boolean accepted() {
            return rate > 0;
        }
    }

    /**
     * @param objectiveAtRate α ↦ f(θ + αp)
     * @param initial         f(θ)
     * @param slope           ∇fᵀp; a non-descent direction (slope >= 0) must then not raise f
     * @param atFullStep      f(θ + p) when already known (from backtracking), else NaN
     */
    public Result search(DoubleUnaryOperator objectiveAtRate, double initial, double slope, double atFullStep) {
        double descent = Math.min(slope, 0);
        double rate = 1;
        int evaluations = 0;
        double value = atFullStep;
        if (Double.isNaN(value)) {
            value = objectiveAtRate.applyAsDouble(rate);
            evaluations++;
        }
        for (int attempt = 1; ; attempt++) {
            if (Double.isFinite(value) && value <= initial + sufficientDecrease * rate * descent) return new Result(rate, value, evaluations);
            if (attempt == maxTries) return new Result(0, initial, evaluations);
            rate *= shrink;
            value = objectiveAtRate.applyAsDouble(rate);
            evaluations++;
        }
    }
}
