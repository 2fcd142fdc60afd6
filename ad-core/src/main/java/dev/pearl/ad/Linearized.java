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

    /** f(x), computed once. */
    public Params value() {
        return value;
    }

    /** The first (or only) output. */
    public Tensor output() {
        return value.get(0);
    }

    /** J v. */
    public Params jvp(Params v) {
        point.checkCompatible(v, "linearized jvp");
        return AD.rebuild(value, map.apply(v.tensors()));
    }

    /** Jᵀ u. */
    public Params vjp(Params u) {
        value.checkCompatible(u, "linearized vjp");
        return AD.rebuild(point, map.transpose(u.tensors()));
    }

    /** Single-tensor input and output forms. */
    public Tensor jvp(Tensor v) {
        return jvp(Params.of(point.name(0), v)).get(0);
    }

    public Tensor vjp(Tensor u) {
        return vjp(Params.of(value.name(0), u)).get(0);
    }

    /** Number of recorded linear operations (for diagnostics). */
    public int operationCount() {
        return map.operationCount();
    }
}
