package dev.pearl.hf;

/**
 * Martens' (2010, §4.1) Levenberg-Marquardt rule for the damping λ, driven by the reduction ratio
 * ρ = (f(θ+p) − f(θ)) / (q(p) − q(0)): λ grows when the quadratic model over-promised
 * (ρ &lt; 1/4) and shrinks when it was trustworthy (ρ &gt; 3/4).
 *
 * <p>By default q is the undamped model ½pᵀCp + gᵀp, as in Martens' released code: then ρ is 1
 * exactly when the curvature model is exact, whatever λ is. With the damped model
 * (½λ‖p‖² added) ρ reads above 1 whenever λ is large, so λ falls a little sooner.
 *
 * @param initialLambda λ0 (45, for losses averaged over cases)
 * @param lowRho        below this ρ, λ is multiplied by {@code increase} (1/4)
 * @param highRho       above this ρ, λ is multiplied by {@code decrease} (3/4)
 * @param increase      (3/2)
 * @param decrease      (2/3)
 * @param dampedModel   whether q includes the damping term (false)
 * @param minimumLambda λ never falls below this (0: no floor). With stochastic batches ρ is
 *                      measured on the cases the step was fitted to and reads near 1 long after
 *                      the steps mostly fit their batch's noise, so λ would otherwise decay
 *                      without bound
 */
public record LevenbergMarquardt(double initialLambda, double lowRho, double highRho, double increase, double decrease,
                                 boolean dampedModel, double minimumLambda) {

    /**
     * Checks the rule.
     *
     * @param initialLambda λ0, finite and &gt; 0
     * @param lowRho        the low threshold of ρ, at most highRho
     * @param highRho       the high threshold of ρ
     * @param increase      λ's factor after a poor step, finite and &gt; 1
     * @param decrease      λ's factor after a good step, in (0, 1)
     * @param dampedModel   whether q includes the damping term
     * @param minimumLambda λ's floor, in [0, initialLambda]
     * @throws IllegalArgumentException naming the first value out of range
     */
    public LevenbergMarquardt {
        if (!(initialLambda > 0) || Double.isInfinite(initialLambda)) throw new IllegalArgumentException("initial λ must be finite and > 0, got " + initialLambda);
        if (!(lowRho <= highRho)) throw new IllegalArgumentException("need lowRho <= highRho, got " + lowRho + " and " + highRho);
        if (!(increase > 1) || Double.isInfinite(increase)) throw new IllegalArgumentException("λ increase factor must be finite and > 1, got " + increase);
        if (!(decrease > 0 && decrease < 1)) throw new IllegalArgumentException("λ decrease factor must lie in (0, 1), got " + decrease);
        if (!(minimumLambda >= 0 && minimumLambda <= initialLambda))
            throw new IllegalArgumentException("minimum λ must lie in [0, initial λ = " + initialLambda + "], got " + minimumLambda);
    }

    /**
     * Martens' (2010) rule: λ0 = 45, thresholds 1/4 and 3/4, factors 3/2 and 2/3, undamped model, no floor.
     *
     * @return the rule
     */
    public static LevenbergMarquardt martens() {
        return new LevenbergMarquardt(45, 0.25, 0.75, 1.5, 2.0 / 3.0, false, 0);
    }

    /**
     * The same rule starting from λ0 = {@code lambda}, which must not lie below the floor; to lower both, use {@link #withLambdaRange}.
     *
     * @param lambda λ0
     * @return the new rule
     * @throws IllegalArgumentException if lambda is not finite and positive or lies below the floor
     */
    public LevenbergMarquardt withInitialLambda(double lambda) {
        return new LevenbergMarquardt(lambda, lowRho, highRho, increase, decrease, dampedModel, minimumLambda);
    }

    /**
     * The same rule starting from λ0 = {@code initial} and kept at or above {@code minimum} (0: no floor), checked together.
     *
     * @param initial λ0
     * @param minimum λ's floor
     * @return the new rule
     * @throws IllegalArgumentException if the values are out of range
     */
    public LevenbergMarquardt withLambdaRange(double initial, double minimum) {
        return new LevenbergMarquardt(initial, lowRho, highRho, increase, decrease, dampedModel, minimum);
    }

    /**
     * The same rule with other thresholds of ρ.
     *
     * @param low below this ρ, λ grows
     * @param high above this ρ, λ shrinks; at least low
     * @return the new rule
     * @throws IllegalArgumentException if low exceeds high
     */
    public LevenbergMarquardt withThresholds(double low, double high) {
        return new LevenbergMarquardt(initialLambda, low, high, increase, decrease, dampedModel, minimumLambda);
    }

    /**
     * The same rule with other factors.
     *
     * @param up λ's factor after a poor step, finite and &gt; 1
     * @param down λ's factor after a good step, in (0, 1)
     * @return the new rule
     * @throws IllegalArgumentException if a factor is out of range
     */
    public LevenbergMarquardt withFactors(double up, double down) {
        return new LevenbergMarquardt(initialLambda, lowRho, highRho, up, down, dampedModel, minimumLambda);
    }

    /**
     * ρ against the damped quadratic model instead of the undamped one.
     *
     * @param damped whether q includes ½λ‖p‖²
     * @return the new rule
     */
    public LevenbergMarquardt withDampedModel(boolean damped) {
        return new LevenbergMarquardt(initialLambda, lowRho, highRho, increase, decrease, damped, minimumLambda);
    }

    /**
     * The same rule with λ kept at or above {@code lambda}, which must not exceed λ0.
     *
     * @param lambda the floor, in [0, λ0]
     * @return the new rule
     * @throws IllegalArgumentException if lambda is out of range
     */
    public LevenbergMarquardt withMinimumLambda(double lambda) {
        return new LevenbergMarquardt(initialLambda, lowRho, highRho, increase, decrease, dampedModel, lambda);
    }

    /**
     * λ after an iteration with reduction ratio ρ; a NaN ρ counts as a failure. The result stays a
     * positive finite number, so a long run of failures (or successes) cannot overflow it to ∞ (or
     * underflow it to 0, where multiplying could never revive it).
     *
     * @param lambda the current λ
     * @param rho the iteration's reduction ratio (NaN for a failed one)
     * @return the next λ, at least the floor
     */
    public double update(double lambda, double rho) {
        double next = lambda;
        if (Double.isNaN(rho) || rho < lowRho) next = lambda * increase;
        else if (rho > highRho) next = lambda * decrease;
        return Math.max(Math.max(minimumLambda, Double.MIN_NORMAL), Math.min(Double.MAX_VALUE, next));
    }

    /**
     * ρ = actual / predicted change. When either is not finite, or the model predicts no
     * decrease, the step cannot be trusted: −∞.
     *
     * @param actualChange f(θ+p) − f(θ)
     * @param predictedChange q(p) − q(0)
     * @return ρ, or −∞ when the step cannot be trusted
     */
    public static double reductionRatio(double actualChange, double predictedChange) {
        if (!Double.isFinite(actualChange) || !Double.isFinite(predictedChange) || predictedChange >= 0) return Double.NEGATIVE_INFINITY;
        return actualChange / predictedChange;
    }
}
