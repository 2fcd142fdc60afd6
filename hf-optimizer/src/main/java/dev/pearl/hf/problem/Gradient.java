package dev.pearl.hf.problem;

import dev.pearl.Params;

/**
 * The data loss, the full objective (loss plus weight cost) and the objective's gradient at one
 * point on one batch.
 */
public record Gradient(double loss, double objective, Params gradient) {

    /** False when the objective or any gradient element is NaN or infinite. */
    public boolean isFinite() {
        return Double.isFinite(objective) && gradient.isFinite();
    }
}
