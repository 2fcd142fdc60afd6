package dev.pearl.hf.parallel;

import java.util.Objects;

/** The cases one HF iteration uses for its gradient, its curvature and ρ, and its line search. */
public record StepCases(Cases gradient, Cases curvature, Cases lineSearch) {
    public StepCases {
        Objects.requireNonNull(gradient, "gradient cases");
        Objects.requireNonNull(curvature, "curvature cases");
        Objects.requireNonNull(lineSearch, "line-search cases");
    }
}
