package dev.pearl.ad;

import dev.pearl.Params;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.LinearMap;

/**
 * A function evaluated once at a point, with its tangent map recorded: {@link #jvp} and
 * {@link #vjp} cost only the linear work of the function (for a network: one R-forward pass or
 * one backward pass), never a new primal pass.
 */
public final class Linearized {
    private final Params point;
    private final Params value;
    private final LinearMap map;

    Linearized(Params point, Params value, LinearMap map) {
        this.point = point;
        this.value = value;
        this.map = map;
    }

    /**
     * f(x), computed once.
     *
     * @return the function's outputs
     */
    public Params value() {
        return value;
    }

    /**
     * The first (or only) output.
     *
     * @return the first tensor of {@link #value()}
     */
    public Tensor output() {
        return value.get(0);
    }

    /**
     * J v, from the recorded map.
     *
     * @param v a direction compatible with the input point
     * @return J v, compatible with {@link #value()}
     * @throws IllegalArgumentException if v is not compatible with the point
     */
    public Params jvp(Params v) {
        point.checkCompatible(v, "linearized jvp");
        return AD.rebuild(value, map.apply(v.tensors()));
    }

    /**
     * Jᵀ u, from the recorded map.
     *
     * @param u a cotangent compatible with {@link #value()}
     * @return Jᵀ u, compatible with the input point
     * @throws IllegalArgumentException if u is not compatible with the value
     */
    public Params vjp(Params u) {
        value.checkCompatible(u, "linearized vjp");
        return AD.rebuild(point, map.transpose(u.tensors()));
    }

    /**
     * J v for a function of one tensor to one tensor.
     *
     * @param v a direction shaped like the (first) input
     * @return J v, shaped like the (first) output
     * @throws IllegalArgumentException if v's shape or dtype differ from the input's
     */
    public Tensor jvp(Tensor v) {
        return jvp(Params.of(point.name(0), v)).get(0);
    }

    /**
     * Jᵀ u for a function of one tensor to one tensor.
     *
     * @param u a cotangent shaped like the (first) output
     * @return Jᵀ u, shaped like the (first) input
     * @throws IllegalArgumentException if u's shape or dtype differ from the output's
     */
    public Tensor vjp(Tensor u) {
        return vjp(Params.of(value.name(0), u)).get(0);
    }

    /**
     * Number of recorded linear operations (for diagnostics).
     *
     * @return the length of the recorded linear program
     */
    public int operationCount() {
        return map.operationCount();
    }
}
