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

    public Tensor value() {
        return value;
    }

    public Tensor pullback(Tensor u) {
        AD.checkShape("vjp", u, value.shape());
        return pullback.apply(u);
    }
}
