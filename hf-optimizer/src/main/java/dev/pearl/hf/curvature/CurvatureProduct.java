package dev.pearl.hf.curvature;

import dev.pearl.Params;

/** v ↦ C v for a curvature matrix C fixed at one point and batch (no damping, no weight cost). */
@FunctionalInterface
public interface CurvatureProduct {
    Params apply(Params v);
}
