package dev.pearl.ad;

import dev.pearl.Params;
import dev.pearl.Tensor;

import java.util.Arrays;

/**
 * A function evaluated once at a point, with its tangent map recorded: {@link #jvp} and
 * {@link #vjp} cost only the linear work of the function (for a network: one R-forward pass or
 * one backward pass), never a new primal pass.
 */
public final class Linearized {
    private final Params point;
    private final Params value;
    private final LinearProgram program;

    Linearized(Params point, Params value, LinearProgram program) {
        this.point = point;
        this.value = value;
        this.program = program;
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
        return AD.rebuild(value, Arrays.asList(program.apply(v.tensors().toArray(new Tensor[0]))));
    }

    /** Jᵀ u. */
    public Params vjp(Params u) {
        value.checkCompatible(u, "linearized vjp");
        return AD.rebuild(point, Arrays.asList(program.transpose(u.tensors().toArray(new Tensor[0]))));
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
        return program.equationCount();
    }
}
