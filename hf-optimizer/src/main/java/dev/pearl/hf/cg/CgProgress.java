package dev.pearl.hf.cg;

import dev.pearl.Params;

/** Reported after every CG step: the step number, the limit, φ(x_i) and x_i itself. */
public record CgProgress(int iteration, int maxIterations, double quadraticValue, Params solution) {
}
