package dev.pearl.ad;

import dev.pearl.Params;

import java.util.function.UnaryOperator;

/** f(x) and the pullback u -> J(x)ᵀ u. */
public final class Vjp {
    private final Params value;
    private final UnaryOperator<Params> pullback;

    Vjp(Params value, UnaryOperator<Params> pullback) {
        this.value = value;
        this.pullback = pullback;
    }

    /**
     * f(x).
     *
     * @return the function's outputs
     */
    public Params value() {
        return value;
    }

    /**
     * J(x)ᵀ u, with u shaped like {@link #value()}; may be called any number of times.
     *
     * @param u a cotangent compatible with the value
     * @return J(x)ᵀ u, with the input's names and shapes
     * @throws IllegalArgumentException if u is not compatible with the value
     */
    public Params pullback(Params u) {
        return pullback.apply(u);
    }
}
