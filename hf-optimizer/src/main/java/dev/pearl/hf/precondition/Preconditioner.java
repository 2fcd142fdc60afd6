package dev.pearl.hf.precondition;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

import java.util.function.UnaryOperator;

/** Builds M⁻¹ for one CG solve at θ with damping λ. */
public interface Preconditioner {
    /**
     * M⁻¹ at θ, estimated on a batch.
     *
     * @param problem the problem
     * @param theta the point
     * @param batch the cases
     * @param lambda the damping λ
     * @param seed the seed of any random draws
     * @return v ↦ M⁻¹ v
     */
    UnaryOperator<Params> inverse(Problem problem, Params theta, Batch batch, double lambda, long seed);

    /**
     * No preconditioning (M = I); always the same instance.
     *
     * @return the identity preconditioner
     */
    static Preconditioner none() {
        return NoPreconditioner.INSTANCE;
    }

    /**
     * Martens (2010) §4.7: M = (diag(Σ ∇f_i²) + λ)^0.75, the squared per-case gradients estimated
     * as {@link GradientSquares#automatic()} does (for a model: 4 random-sign draws, unbiased).
     *
     * @return the preconditioner
     */
    static DiagonalPreconditioner martens() {
        return DiagonalPreconditioner.martens();
    }
}
