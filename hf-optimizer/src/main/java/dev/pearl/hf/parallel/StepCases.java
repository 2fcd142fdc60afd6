package dev.pearl.hf.parallel;

import java.util.Objects;

/**
 * The cases one HF iteration uses for its gradient, its curvature and ρ, and its line search.
 *
 * @param gradient the cases of the gradient
 * @param curvature the cases of the curvature products and ρ
 * @param lineSearch the cases of CG-backtracking and the line search
 */
public record StepCases(Cases gradient, Cases curvature, Cases lineSearch) {
    /**
     * Checks that all three are present.
     *
     * @param gradient the cases of the gradient
     * @param curvature the cases of the curvature products and ρ
     * @param lineSearch the cases of CG-backtracking and the line search
     * @throws NullPointerException if any is null
     */
    public StepCases {
        Objects.requireNonNull(gradient, "gradient cases");
        Objects.requireNonNull(curvature, "curvature cases");
        Objects.requireNonNull(lineSearch, "line-search cases");
    }
}
