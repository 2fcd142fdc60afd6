package dev.pearl.hf.problem;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Tensor;

import java.util.function.BiPredicate;

/**
 * The L2 penalty (c/2)·Σ w² on the weights. By default the weights are the tensors of rank 2 and
 * more (an MLP's W1, W2, ...), not the biases. Its gradient c·w and Hessian c·I on the weights are
 * exact, so the optimizer adds them to every gradient and curvature product itself.
 */
public final class WeightCost {
    /** Martens (2010) used a small L2 cost of this order on the auto-encoders. */
    public static final double MARTENS_COEFFICIENT = 1e-5;

    private static final BiPredicate<String, Tensor> MATRICES = (name, t) -> t.rank() >= 2;

    private final double coefficient;
    private final BiPredicate<String, Tensor> appliesTo;

    private WeightCost(double coefficient, BiPredicate<String, Tensor> appliesTo) {
        if (!(coefficient >= 0) || Double.isInfinite(coefficient))
            throw new IllegalArgumentException("weight cost must be finite and >= 0, got " + coefficient);
        this.coefficient = coefficient;
        this.appliesTo = appliesTo;
    }

    /**
     * Coefficient c on every tensor of rank >= 2.
     *
     * @param coefficient c, finite and &gt;= 0
     * @return the cost
     * @throws IllegalArgumentException if coefficient is negative, NaN or infinite
     */
    public static WeightCost of(double coefficient) {
        return new WeightCost(coefficient, MATRICES);
    }

    /**
     * Coefficient c on the tensors selected by {@code appliesTo(name, tensor)}.
     *
     * @param coefficient c, finite and &gt;= 0
     * @param appliesTo which tensors count as weights, by name and value
     * @return the cost
     * @throws IllegalArgumentException if coefficient is negative, NaN or infinite
     */
    public static WeightCost of(double coefficient, BiPredicate<String, Tensor> appliesTo) {
        return new WeightCost(coefficient, appliesTo);
    }

    /**
     * c = {@link #MARTENS_COEFFICIENT} on the tensors of rank 2 and more.
     *
     * @return the cost
     */
    public static WeightCost martens() {
        return of(MARTENS_COEFFICIENT);
    }

    /**
     * No weight cost (c = 0).
     *
     * @return the cost
     */
    public static WeightCost none() {
        return of(0);
    }

    /**
     * The coefficient c.
     *
     * @return c
     */
    public double coefficient() {
        return coefficient;
    }

    /**
     * Whether the cost is absent (c = 0), so that it can be skipped.
     *
     * @return c == 0
     */
    public boolean isZero() {
        return coefficient == 0;
    }

    /**
     * Whether a tensor of θ counts as a weight.
     *
     * @param name its name in θ
     * @param t the tensor
     * @return whether the cost applies to it
     */
    public boolean appliesTo(String name, Tensor t) {
        return appliesTo.test(name, t);
    }

    /**
     * (c/2)·Σ w² over the weights of θ.
     *
     * @param theta the parameters
     * @return the penalty
     */
    public double value(Params theta) {
        if (isZero()) return 0;
        double s = 0;
        for (int i = 0; i < theta.size(); i++)
            if (appliesTo(theta.name(i), theta.get(i))) s += Ops.sum(Ops.square(theta.get(i))).item();
        return 0.5 * coefficient * s;
    }

    /**
     * c·w on the weights, 0 elsewhere.
     *
     * @param theta the parameters
     * @return the penalty's gradient, compatible with theta
     */
    public Params gradient(Params theta) {
        return onWeights(theta, theta);
    }

    /**
     * The penalty's Hessian applied to v: c·v on the weights, 0 elsewhere.
     *
     * @param theta the parameters (which tensors are weights)
     * @param v the direction, compatible with theta
     * @return c·v on the weights, compatible with theta
     */
    public Params hessianVector(Params theta, Params v) {
        return onWeights(theta, v);
    }

    /**
     * The penalty's Hessian diagonal: c on the weights, 0 elsewhere.
     *
     * @param theta the parameters
     * @return the diagonal, compatible with theta
     */
    public Params diagonal(Params theta) {
        return onWeights(theta, theta.map(Ops::onesLike));
    }

    // The penalty is quadratic: gradient, Hessian product and diagonal are all c·mask∘x.
    private Params onWeights(Params theta, Params x) {
        theta.checkCompatible(x, "weight cost");
        Params.Builder b = Params.builder();
        for (int i = 0; i < x.size(); i++) {
            Tensor t = x.get(i);
            b.add(x.name(i), !isZero() && appliesTo(theta.name(i), theta.get(i)) ? Ops.mul(t, coefficient) : Ops.zerosLike(t));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "WeightCost{" + coefficient + "}";
    }
}
