package dev.pearl.hf.lbfgs;

import dev.pearl.hf.train.SettingChecks;

import java.util.function.DoubleFunction;

/**
 * A line search for the strong Wolfe conditions (Nocedal &amp; Wright 2006, Algorithms 3.5 and 3.6):
 * along a descent direction, find α with
 * φ(α) ≤ φ(0) + c1·α·φ'(0) (sufficient decrease) and |φ'(α)| ≤ c2·|φ'(0)| (curvature).
 * Trial steps double until they bracket such a point; the bracket then shrinks around safeguarded
 * cubic interpolation (bisection where the cubic has no minimiser in the bracket's inner 80%). A
 * value or slope that is not finite counts as too far. When the evaluations run out, the best
 * point with sufficient decrease found so far is returned and the result says which conditions
 * it meets.
 *
 * @param sufficientDecrease c1 (1e-4)
 * @param curvature          c2 (0.9, the usual value for quasi-Newton directions)
 * @param maxEvaluations     φ evaluations at most per search (20)
 */
public record WolfeLineSearch(double sufficientDecrease, double curvature, int maxEvaluations) {
    /** Trial points stay this fraction of the bracket away from its ends. */
    private static final double SAFEGUARD = 0.1;

    /**
     * Checks the settings.
     *
     * @param sufficientDecrease c1, in (0, 1)
     * @param curvature          c2, in (c1, 1)
     * @param maxEvaluations     &gt;= 1
     * @throws IllegalArgumentException naming the first value out of range
     */
    public WolfeLineSearch {
        if (!(sufficientDecrease > 0 && sufficientDecrease < 1))
            throw new IllegalArgumentException("Wolfe c1 must lie in (0, 1), got " + sufficientDecrease);
        if (!(curvature > sufficientDecrease && curvature < 1))
            throw new IllegalArgumentException("Wolfe c2 must lie in (c1 = " + sufficientDecrease + ", 1), got " + curvature);
        SettingChecks.atLeast("line-search evaluations", maxEvaluations, 1);
    }

    /**
     * c1 = 1e-4, c2 = 0.9, at most 20 evaluations.
     *
     * @return the search
     */
    public static WolfeLineSearch defaults() {
        return new WolfeLineSearch(1e-4, 0.9, 20);
    }

    /**
     * This search with another evaluation budget.
     *
     * @param evaluations φ evaluations at most per search, &gt;= 1
     * @return the new search
     * @throws IllegalArgumentException if evaluations is below 1
     */
    public WolfeLineSearch withMaxEvaluations(int evaluations) {
        return new WolfeLineSearch(sufficientDecrease, curvature, evaluations);
    }

    /**
     * φ(α), φ'(α), and what the caller wants back at the accepted α (such as the gradient there).
     *
     * @param <T>     the payload's type
     * @param alpha   the step α
     * @param value   φ(α)
     * @param slope   φ'(α)
     * @param payload what the caller computed at α
     */
    public record Trial<T>(double alpha, double value, double slope, T payload) {
        boolean finite() {
            return Double.isFinite(value) && Double.isFinite(slope);
        }
    }

    /** Which conditions the returned point meets. */
    public enum Outcome {
        /** Both strong Wolfe conditions. */
        STRONG_WOLFE,
        /** Sufficient decrease only: the evaluations ran out before the curvature condition held. */
        SUFFICIENT_DECREASE,
        /** No tried step decreased φ enough: stay at α = 0. */
        FAILED
    }

    /**
     * The outcome, the accepted trial (null when it failed) and how many times φ was evaluated.
     *
     * @param <T>         the trials' payload type
     * @param outcome     which conditions the accepted trial meets
     * @param accepted    the accepted trial, null when the search failed
     * @param evaluations φ evaluations made
     */
    public record Result<T>(Outcome outcome, Trial<T> accepted, int evaluations) {
        /**
         * Whether a step was accepted.
         *
         * @return outcome() != FAILED
         */
        public boolean moved() {
            return outcome != Outcome.FAILED;
        }
    }

    /**
     * Searches along the direction φ is taken on.
     *
     * @param <T>         the trials' payload type
     * @param phi         α ↦ the trial at α (evaluates φ and φ')
     * @param value       φ(0)
     * @param slope       φ'(0), which must be negative
     * @param initialStep the first α tried (&gt; 0)
     * @return the outcome and the accepted trial
     * @throws IllegalArgumentException if slope is not negative or initialStep not finite and positive
     */
    public <T> Result<T> search(DoubleFunction<Trial<T>> phi, double value, double slope, double initialStep) {
        if (!(slope < 0)) throw new IllegalArgumentException("line search needs a descent direction, got slope " + slope);
        if (!(initialStep > 0) || Double.isInfinite(initialStep)) throw new IllegalArgumentException("initial step must be finite and > 0, got " + initialStep);
        Search<T> s = new Search<>(phi, value, slope);
        Trial<T> previous = new Trial<>(0, value, slope, null);
        double alpha = initialStep;
        while (s.evaluations < maxEvaluations) {
            Trial<T> trial = s.evaluate(alpha);
            if (!trial.finite() || !s.decreases(trial) || previous.alpha() > 0 && trial.value() >= previous.value())
                return s.zoom(previous, trial);
            if (s.flat(trial)) return new Result<>(Outcome.STRONG_WOLFE, trial, s.evaluations);
            if (trial.slope() >= 0) return s.zoom(trial, previous);
            previous = trial;
            alpha *= 2;
        }
        return s.best(previous);
    }

    /** One search's φ, φ(0), φ'(0) and evaluation count. */
    private final class Search<T> {
        private final DoubleFunction<Trial<T>> phi;
        private final double value0, slope0;
        private int evaluations;

        Search(DoubleFunction<Trial<T>> phi, double value0, double slope0) {
            this.phi = phi;
            this.value0 = value0;
            this.slope0 = slope0;
        }

        Trial<T> evaluate(double alpha) {
            evaluations++;
            Trial<T> t = phi.apply(alpha);
            if (t.alpha() != alpha) throw new IllegalStateException("trial at α = " + alpha + " reports α = " + t.alpha());
            return t;
        }

        boolean decreases(Trial<T> t) {
            return t.value() <= value0 + sufficientDecrease * t.alpha() * slope0;
        }

        boolean flat(Trial<T> t) {
            return Math.abs(t.slope()) <= -curvature * slope0;
        }

        /**
         * Algorithm 3.6: {@code low} meets sufficient decrease and is the lowest point so far, and
         * φ'(low)·(high − low) < 0, so a strong-Wolfe point lies between them.
         */
        Result<T> zoom(Trial<T> low, Trial<T> high) {
            while (evaluations < maxEvaluations) {
                Trial<T> trial = evaluate(interpolate(low, high));
                if (!trial.finite() || !decreases(trial) || trial.value() >= low.value()) {
                    high = trial;
                } else {
                    if (flat(trial)) return new Result<>(Outcome.STRONG_WOLFE, trial, evaluations);
                    if (trial.slope() * (high.alpha() - low.alpha()) >= 0) high = low;
                    low = trial;
                }
            }
            return best(low);
        }

        Result<T> best(Trial<T> low) {
            return low.alpha() > 0 ? new Result<>(Outcome.SUFFICIENT_DECREASE, low, evaluations) : new Result<>(Outcome.FAILED, null, evaluations);
        }
    }

    /** The minimiser of the cubic through both trials' values and slopes, kept in the bracket's inner part; else the midpoint. */
    static double interpolate(Trial<?> a, Trial<?> b) {
        double lo = Math.min(a.alpha(), b.alpha()), hi = Math.max(a.alpha(), b.alpha()), margin = SAFEGUARD * (hi - lo);
        double mid = 0.5 * (lo + hi);
        if (!a.finite() || !b.finite()) return mid;
        double d1 = a.slope() + b.slope() - 3 * (a.value() - b.value()) / (a.alpha() - b.alpha());
        double discriminant = d1 * d1 - a.slope() * b.slope();
        if (!(discriminant >= 0)) return mid;
        double d2 = Math.signum(b.alpha() - a.alpha()) * Math.sqrt(discriminant);
        double x = b.alpha() - (b.alpha() - a.alpha()) * (b.slope() + d2 - d1) / (b.slope() - a.slope() + 2 * d2);
        return x >= lo + margin && x <= hi - margin ? x : mid;
    }
}
