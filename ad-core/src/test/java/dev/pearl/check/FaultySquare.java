package dev.pearl.check;

import dev.pearl.Ops;
import dev.pearl.prim.UnaryOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

/**
 * x² with derivative rules that can be made wrong on purpose, to show the checks catch each
 * kind of mistake: a JVP or VJP off by a factor, or a VJP written with a value that is not
 * differentiated further (as an opaque backward kernel would be).
 */
final class FaultySquare extends Primitive {
    private final double jvpFactor;
    private final double vjpFactor;
    private final boolean opaqueVjp;

    FaultySquare(double jvpFactor, double vjpFactor, boolean opaqueVjp) {
        super("faultySquare");
        this.jvpFactor = jvpFactor;
        this.vjpFactor = vjpFactor;
        this.opaqueVjp = opaqueVjp;
    }

    static FaultySquare correct() {
        return new FaultySquare(1, 1, false);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        return in[0].shape();
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.unary(UnaryOp.SQUARE, 0, in[0]);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        return t[0] == null ? null : Ops.mul(Ops.mul(t[0], x[0]), 2 * jvpFactor);
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
        Tensor slope = opaqueVjp ? Ops.stopGradient(x[0]) : x[0];
        return new Tensor[]{needs[0] ? Ops.mul(Ops.mul(ct, slope), 2 * vjpFactor) : null};
    }
}
