package dev.pearl.ad;

import dev.pearl.tensor.Tensor;

import java.util.function.UnaryOperator;

/** f(x) and the pullback u -> J(x)ᵀ u for a function of one tensor. */
public final class VjpOne {
    private final Tensor value;
    private final UnaryOperator<Tensor> pullback;

    VjpOne(Tensor value, UnaryOperator<Tensor> pullback) {
        this.value = value;
        this.pullback = pullback;
    }

    /**
     * f(x).
     *
     * @return the function's output
     */
    public Tensor value() {
        return value;
    }

    /**
     * J(x)ᵀ u; may be called any number of times.
     *
     * @param u a cotangent shaped like {@link #value()}
     * @return J(x)ᵀ u, shaped like x
     * @throws IllegalArgumentException if u's shape differs from the value's
     */
    public Tensor pullback(Tensor u) {
        AD.checkShape("vjp", u, value.shape());
        return pullback.apply(u);
    }
}
