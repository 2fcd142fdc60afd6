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

    public DiagonalPreconditioner {
        if (!(exponent >= 0) || Double.isInfinite(exponent)) throw new IllegalArgumentException("preconditioner exponent must be finite and >= 0, got " + exponent);
        Objects.requireNonNull(squares, "squares");
    }

    public static DiagonalPreconditioner martens() {
        return new DiagonalPreconditioner(0.75, GradientSquares.automatic());
    }

    public DiagonalPreconditioner withExponent(double xi) {
        return new DiagonalPreconditioner(xi, squares);
    }

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

    /** M⁻¹ from squares estimated elsewhere (summed over shards, say). */
    public UnaryOperator<Params> inverse(Params meanSquares, double lambda, Params weightCostDiagonal) {
        Params m = diagonal(meanSquares, lambda, weightCostDiagonal);
        if (!m.isFinite()) return UnaryOperator.identity();
        return v -> v.zip(m, Ops::div);
    }

    /** (squares + λ + weightCostDiagonal)^ξ. */
    public Params diagonal(Params meanSquares, double lambda, Params weightCostDiagonal) {
        return meanSquares.add(weightCostDiagonal).map(t -> Ops.pow(Ops.add(t, lambda), exponent));
    }
}
