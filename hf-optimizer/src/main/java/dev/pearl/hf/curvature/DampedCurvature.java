package dev.pearl.hf.curvature;

import dev.pearl.Params;
import dev.pearl.hf.problem.WeightCost;

import java.util.function.UnaryOperator;

/**
 * The operator CG sees: (C + c·I_w + λI) v, the data curvature (with structural damping λμ·S
 * when it has some) plus the weight cost's exact Hessian plus Tikhonov damping λ (Martens 2010,
 * §4.1). It counts its products.
 */
public final class DampedCurvature implements UnaryOperator<Params> {
    private final CurvatureProduct data;
    private final WeightCost weightCost;
    private final Params theta;
    private final double lambda;
    private int products;

    /**
     * The damped operator at θ.
     *
     * @param data v ↦ C v, the data curvature
     * @param weightCost the weight cost whose Hessian is added
     * @param theta the point (which tensors the weight cost applies to)
     * @param lambda the Tikhonov damping λ, finite and &gt;= 0
     * @throws IllegalArgumentException if lambda is out of range
     */
    public DampedCurvature(CurvatureProduct data, WeightCost weightCost, Params theta, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("damping λ must be finite and >= 0, got " + lambda);
        this.data = data;
        this.weightCost = weightCost;
        this.theta = theta;
        this.lambda = lambda;
    }

    @Override
    public Params apply(Params v) {
        products++;
        Params cv = data.apply(v);
        if (!weightCost.isZero()) cv = cv.add(weightCost.hessianVector(theta, v));
        return lambda == 0 ? cv : cv.axpy(lambda, v);
    }

    /**
     * q(p) − q(0) = ½ pᵀ(C + c·I_w + λI) p + gᵀp, the change the damped quadratic model predicts
     * for step p; without the damping terms ½λ‖p‖² and ½pᵀ(λμS)p unless {@code damped}.
     *
     * @param p the step
     * @param gradient g, the objective's gradient at θ
     * @param damped whether the model includes the damping terms
     * @return the predicted change (one product with p)
     */
    public double predictedChange(Params p, Params gradient, boolean damped) {
        return predictedChange(0.5 * p.dot(apply(p)) + gradient.dot(p), p, damped);
    }

    /**
     * The same change from a known damped value ½pᵀAp + gᵀp: CG's quadratic value φ(p) when it
     * solved A p = −g, which it tracks along its iterates, so ρ needs no further product
     * (structural damping, when present, costs one tangent pass to take out).
     *
     * @param dampedValue ½pᵀAp + gᵀp for this operator A
     * @param p the step
     * @param damped whether the model includes the damping terms
     * @return the predicted change
     */
    public double predictedChange(double dampedValue, Params p, boolean damped) {
        return damped ? dampedValue : dampedValue - 0.5 * lambda * p.dot(p) - 0.5 * data.structuralTerm(p);
    }

    /**
     * The Tikhonov damping.
     *
     * @return λ
     */
    public double lambda() {
        return lambda;
    }

    /**
     * Products made so far.
     *
     * @return the number of calls of apply so far
     */
    public int products() {
        return products;
    }
}
