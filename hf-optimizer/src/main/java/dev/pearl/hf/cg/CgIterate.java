package dev.pearl.hf.cg;

import dev.pearl.Params;

/**
 * The CG solution after {@code iteration} steps and its quadratic value φ.
 *
 * @param iteration      the steps taken, from 0
 * @param solution       x after those steps
 * @param quadraticValue φ(x) = ½xᵀAx − bᵀx
 */
public record CgIterate(int iteration, Params solution, double quadraticValue) {
}
