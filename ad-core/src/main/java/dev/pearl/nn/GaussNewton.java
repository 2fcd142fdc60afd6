package dev.pearl.nn;

import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.ad.Linearized;
import dev.pearl.tensor.Tensor;

import java.util.function.Function;

/**
 * Gauss-Newton-vector products G v = Jᵀ H_L J v for a model split into outputs z(θ) and a
 * matching {@link Loss} (Schraudolph 2002). The model is linearized once at θ ({@link #at}), so
 * each product costs one tangent pass plus one transposed pass, about one gradient, with no new
 * primal pass: the form Hessian-free optimisation needs for its CG iterations.
 */
public final class GaussNewton {
    private final Linearized model;
    private final Loss loss;
    private final Tensor targets;

    private GaussNewton(Linearized model, Loss loss, Tensor targets) {
        this.model = model;
        this.loss = loss;
        this.targets = targets;
    }

    /**
     * Linearizes {@code outputs} at θ; products then reuse that primal pass.
     *
     * @param outputs the model: parameters to output pre-activations z
     * @param loss the matching loss on z
     * @param theta the point θ
     * @param targets the targets the loss compares z with
     * @return the curvature at θ, ready for products
     * @throws IllegalArgumentException if targets do not fit the outputs
     */
    public static GaussNewton at(Function<Params, Tensor> outputs, Loss loss, Params theta, Tensor targets) {
        Linearized lin = AD.linearize(p -> Params.of("z", outputs.apply(p)), theta);
        loss.checkShapes(lin.output(), targets);
        return new GaussNewton(lin, loss, targets);
    }

    /**
     * One-shot G v (linearizes, then multiplies).
     *
     * @param outputs the model: parameters to output pre-activations z
     * @param loss the matching loss on z
     * @param theta the point θ
     * @param targets the targets the loss compares z with
     * @param v the direction, compatible with θ
     * @return G v, compatible with θ
     * @throws IllegalArgumentException if targets do not fit the outputs or v is not compatible with θ
     */
    public static Params gnvp(Function<Params, Tensor> outputs, Loss loss, Params theta, Tensor targets, Params v) {
        return at(outputs, loss, theta, targets).apply(v);
    }

    /**
     * The model outputs z(θ) computed by the linearization.
     *
     * @return z(θ)
     */
    public Tensor outputs() {
        return model.output();
    }

    /**
     * The loss at θ (from the stored outputs, no new model pass).
     *
     * @return the loss value, one element
     */
    public Tensor loss() {
        return loss.value(model.output(), targets);
    }

    /**
     * G v = Jᵀ H_L J v, from the stored linearization.
     *
     * @param v the direction, compatible with θ
     * @return G v, compatible with θ
     * @throws IllegalArgumentException if v is not compatible with θ
     */
    public Params apply(Params v) {
        Tensor jv = model.jvp(v).get(0);
        Tensor hjv = loss.hessianVector(model.output(), targets, jv);
        return model.vjp(Params.of("z", hjv));
    }
}
