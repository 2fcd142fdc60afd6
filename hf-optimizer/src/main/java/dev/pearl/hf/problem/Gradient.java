package dev.pearl.hf.problem;

import dev.pearl.Params;

/**
 * The data loss, the full objective (loss plus weight cost) and the objective's gradient at one
 * point on one batch.
 *
 * @param loss the data loss
 * @param objective loss plus weight cost
 * @param gradient the objective's gradient, compatible with the point
 */
public record Gradient(double loss, double objective, Params gradient) {

    /**
     * False when the objective or any gradient element is NaN or infinite.
     *
     * @return whether the objective and every gradient element are finite
     */
    public boolean isFinite() {
        return Double.isFinite(objective) && gradient.isFinite();
    }
}
