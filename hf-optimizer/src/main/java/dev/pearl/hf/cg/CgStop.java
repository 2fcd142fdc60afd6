package dev.pearl.hf.cg;

/** Why a CG solve ended. */
public enum CgStop {
    /** The iteration limit was reached. */
    MAX_ITERATIONS,
    /** Martens' relative-progress rule: the last k steps reduced φ by less than k·ε relative. */
    RELATIVE_PROGRESS,
    /** The residual reached the residual tolerance (or zero). */
    CONVERGED,
    /** A search direction with pᵀAp ≤ 0: the quadratic is not bounded below along it. */
    NEGATIVE_CURVATURE,
    /** A curvature product or pᵀAp was NaN or infinite; the iterates before it are kept. */
    NON_FINITE
}
