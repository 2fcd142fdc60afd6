package dev.pearl.hf.cg;

import dev.pearl.Params;

/**
 * Reported after every CG step: the step number, the limit, φ(x_i) and x_i itself.
 *
 * @param iteration      the step just taken, i, from 1
 * @param maxIterations  the solve's step cap
 * @param quadraticValue φ(x_i) = ½x_iᵀAx_i − bᵀx_i
 * @param solution       x_i
 */
public record CgProgress(int iteration, int maxIterations, double quadraticValue, Params solution) {
}
