package dev.pearl.hf.precondition;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Martens' (2010, §4.7) diagonal preconditioner M = (diag(mean squared per-case gradients) + λ +
 * weight cost)^ξ with ξ = 0.75: the empirical Fisher diagonal, damped like the curvature, with an
 * exponent below 1 because that diagonal is a poor stand-in for the Gauss-Newton one.
 *
 * @param exponent ξ (0.75)
 * @param squares  how the squared per-case gradients are estimated
 */
public record DiagonalPreconditioner(double exponent, GradientSquares squares) implements Preconditioner {

    /**
     * Checks the settings.
     *
     * @param exponent ξ, finite and &gt;= 0
     * @param squares  the estimator, not null
     * @throws IllegalArgumentException if exponent is out of range
     * @throws NullPointerException if squares is null
     */
    public DiagonalPreconditioner {
        if (!(exponent >= 0) || Double.isInfinite(exponent)) throw new IllegalArgumentException("preconditioner exponent must be finite and >= 0, got " + exponent);
        Objects.requireNonNull(squares, "squares");
    }

    /**
     * ξ = 0.75 with {@link GradientSquares#automatic()}.
     *
     * @return the preconditioner
     */
    public static DiagonalPreconditioner martens() {
        return new DiagonalPreconditioner(0.75, GradientSquares.automatic());
    }

    /**
     * This preconditioner with another exponent.
     *
     * @param xi ξ, finite and &gt;= 0 (0 gives M = I)
     * @return the new preconditioner
     * @throws IllegalArgumentException if xi is out of range
     */
    public DiagonalPreconditioner withExponent(double xi) {
        return new DiagonalPreconditioner(xi, squares);
    }

    /**
     * This preconditioner with another estimator of the squared gradients.
     *
     * @param estimator how the squares are estimated
     * @return the new preconditioner
     * @throws NullPointerException if estimator is null
     */
    public DiagonalPreconditioner withSquares(GradientSquares estimator) {
        return new DiagonalPreconditioner(exponent, estimator);
    }

    /**
     * M⁻¹ v = v / M. If the estimate is not finite M falls back to the identity, so a bad
     * preconditioner never poisons the solve.
     */
    @Override
    public UnaryOperator<Params> inverse(Problem problem, Params theta, Batch batch, double lambda, long seed) {
        return inverse(squares.meanSquares(problem, theta, batch, seed), lambda, problem.weightCost().diagonal(theta));
    }

    /**
     * M⁻¹ from squares estimated elsewhere (summed over shards, say).
     *
     * @param meanSquares the per-case mean of squared per-case gradients, compatible with θ
     * @param lambda the damping λ
     * @param weightCostDiagonal the weight cost's Hessian diagonal, compatible with θ
     * @return v ↦ M⁻¹ v
     */
    public UnaryOperator<Params> inverse(Params meanSquares, double lambda, Params weightCostDiagonal) {
        Params m = diagonal(meanSquares, lambda, weightCostDiagonal);
        if (!m.isFinite()) return UnaryOperator.identity();
        return v -> v.zip(m, Ops::div);
    }

    /**
     * (squares + λ + weightCostDiagonal)^ξ.
     *
     * @param meanSquares the per-case mean of squared per-case gradients
     * @param lambda the damping λ
     * @param weightCostDiagonal the weight cost's Hessian diagonal
     * @return M's diagonal, compatible with θ
     */
    public Params diagonal(Params meanSquares, double lambda, Params weightCostDiagonal) {
        return meanSquares.add(weightCostDiagonal).map(t -> Ops.pow(Ops.add(t, lambda), exponent));
    }
}
