package dev.pearl.hf.curvature;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

import java.io.Serializable;

/**
 * A kind of curvature matrix of the data loss. {@link #at} does the per-solve work once (a
 * linearization); the returned product then costs only linear passes, so CG never repeats the
 * primal pass. Serializable, so that shards on other machines can prepare it.
 */
public interface Curvature extends Serializable {
    /**
     * The kind's name, for reports ("Gauss-Newton", "Hessian").
     *
     * @return the name
     */
    String name();

    /**
     * The curvature at θ on the batch, ready for many products.
     *
     * @param problem the problem
     * @param theta the point
     * @param batch the curvature cases
     * @return v ↦ C v at θ
     * @throws UnsupportedOperationException if this kind needs a model and the problem is a plain objective
     */
    CurvatureProduct at(Problem problem, Params theta, Batch batch);

    /**
     * The curvature plus structural damping of weight w = λμ (Martens &amp; Sutskever 2011) where
     * this kind supports it and the problem declares structural values; otherwise as {@link #at}.
     *
     * @param problem the problem
     * @param theta the point
     * @param batch the curvature cases
     * @param structuralWeight w = λμ (0: none)
     * @return v ↦ C v at θ, with w·S where supported
     * @throws UnsupportedOperationException if this kind needs a model and the problem is a plain objective
     */
    default CurvatureProduct at(Problem problem, Params theta, Batch batch, double structuralWeight) {
        return at(problem, theta, batch);
    }

    /**
     * Gauss-Newton G = Jᵀ H_L J (Schraudolph 2002): positive semi-definite; Martens' choice. For a
     * problem with structural values it gives G + w·S ({@link StructurallyDampedGaussNewton}).
     *
     * @return the kind
     */
    static Curvature gaussNewton() {
        return GaussNewtonCurvature.INSTANCE;
    }

    /**
     * The exact Hessian, possibly indefinite (CG then stops on negative curvature).
     *
     * @return the kind
     */
    static Curvature hessian() {
        return HessianCurvature.INSTANCE;
    }

    /**
     * The empirical Fisher (1/N) Σ ∇ℓ_n ∇ℓ_nᵀ, for comparison.
     *
     * @return the kind
     */
    static Curvature empiricalFisher() {
        return EmpiricalFisherCurvature.INSTANCE;
    }

    /**
     * Gauss-Newton for a model given as outputs + loss, the Hessian for a plain objective.
     *
     * @return the kind
     */
    static Curvature automatic() {
        return AutomaticCurvature.INSTANCE;
    }
}
