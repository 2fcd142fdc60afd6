package dev.pearl.hf.curvature;

import dev.pearl.Params;

/**
 * v ↦ C v for a curvature matrix C fixed at one point and batch (no Tikhonov damping, no weight
 * cost). C may include structural damping λμ·S, which then scales with λ like the rest of the
 * damping; {@link #structuralTerm} reports that part.
 */
@FunctionalInterface
public interface CurvatureProduct {
    /**
     * C v.
     *
     * @param v a direction compatible with θ
     * @return C v, compatible with θ
     */
    Params apply(Params v);

    /**
     * vᵀ(λμS)v, the structural damping's share of vᵀCv; 0 when C has none.
     *
     * @param v a direction compatible with θ
     * @return vᵀ(λμS)v
     */
    default double structuralTerm(Params v) {
        return 0;
    }
}
