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

    /**
     * Checks the settings.
     *
     * @param sufficientDecrease c, in [0, 1)
     * @param shrink             factor between tried rates, in (0, 1)
     * @param maxTries           rates tried, &gt;= 1
     * @throws IllegalArgumentException naming the first value out of range
     */
    public ArmijoLineSearch {
        if (!(sufficientDecrease >= 0 && sufficientDecrease < 1)) throw new IllegalArgumentException("Armijo c must lie in [0, 1), got " + sufficientDecrease);
        if (!(shrink > 0 && shrink < 1)) throw new IllegalArgumentException("line-search shrink factor must lie in (0, 1), got " + shrink);
        if (maxTries < 1) throw new IllegalArgumentException("line search needs at least one try, got " + maxTries);
    }

    /**
     * Martens' settings: c = 1e-2, rates shrinking by 0.8, at most 60 tries.
     *
     * @return the search
     */
    public static ArmijoLineSearch martens() {
        return new ArmijoLineSearch(1e-2, 0.8, 60);
    }

    /**
     * This search with another number of tries.
     *
     * @param tries rates tried, counting α = 1, &gt;= 1
     * @return the new search
     * @throws IllegalArgumentException if tries is below 1
     */
    public ArmijoLineSearch withMaxTries(int tries) {
        return new ArmijoLineSearch(sufficientDecrease, shrink, tries);
    }

    /**
     * The accepted rate (0 when none passed), the objective there, and how many values were computed.
     *
     * @param rate        the accepted α, or 0 when the step is rejected
     * @param objective   f(θ + αp), or f(θ) when rejected
     * @param evaluations objective values computed by the search
     */
    public record Result(double rate, double objective, int evaluations) {
        /**
         * Whether a rate passed.
         *
         * @return rate &gt; 0
         */
        public boolean accepted() {
            return rate > 0;
        }
    }

    /**
     * Tries rates 1, shrink, shrink², ... until one gives sufficient decrease or the tries run out.
     *
     * @param objectiveAtRate α ↦ f(θ + αp)
     * @param initial         f(θ)
     * @param slope           ∇fᵀp; a non-descent direction (slope &gt;= 0) must then not raise f
     * @param atFullStep      f(θ + p) when already known (from backtracking), else NaN
     * @return the accepted rate and objective, or rate 0 when none passed
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
