package dev.pearl.hf.cg;

import dev.pearl.Params;

/** The CG solution after {@code iteration} steps and its quadratic value φ. */
public record CgIterate(int iteration, Params solution, double quadraticValue) {
}
