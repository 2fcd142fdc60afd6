package dev.pearl.hf;

/**
 * What an HF step looked like beyond λ and ρ, for diagnosing slow progress: whether the steps
 * are small because the gradient is, because damping shrinks them, or because the model's promise
 * and the objective's change disagree.
 *
 * @param gradientNorm      ‖∇f‖ on the gradient batch (weight cost included)
 * @param stepNorm          ‖p‖ of the chosen CG iterate, before the line search scales it
 * @param predictedChange   q(p) − q(0), the change the quadratic model (as the damping rule reads it) promised
 * @param actualChange      f(θ + p) − f(θ) on the curvature batch; ρ is actual / predicted
 * @param preconditionerMin the smallest entry of CG's diagonal preconditioner M (1 without one)
 * @param preconditionerMax the largest entry of M
 */
public record StepMeasures(double gradientNorm, double stepNorm, double predictedChange, double actualChange,
                           double preconditionerMin, double preconditionerMax) {

    /** A step rejected before a step existed: only the gradient's size is known. */
    static StepMeasures gradientOnly(double gradientNorm) {
        return new StepMeasures(gradientNorm, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
