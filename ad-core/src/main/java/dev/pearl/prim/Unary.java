package dev.pearl.prim;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

import java.util.Locale;

/**
 * An elementwise function of one tensor ({@link UnaryOp}, where each is declared with its
 * derivative): the forward is the backend's kernel, the JVP is t·f'(x) and, the Jacobian being
 * diagonal, the VJP is the same product with the cotangent.
 */
public final class Unary extends Primitive {
    private final UnaryOp op;
    private final double param;
    private final UnaryOp.Derivative derivative;

    private Unary(UnaryOp op, double param) {
        super(op.name().toLowerCase(Locale.ROOT));
        this.op = op;
        this.param = param;
        this.derivative = op.derivative();
    }

    public static Tensor apply(UnaryOp op, double param, Tensor x) {
        return new Unary(op, param).bind(x);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        return in[0].shape();
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.unary(op, param, in[0]);
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        if (derivative.chain() == null || tangents[0] == null) return null;
        return derivative.chain().times(tangents[0], primals[0], out, param);
    }

    @Override
    public Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs) {
        if (derivative.chain() == null || !needs[0]) return new Tensor[1];
        return Rules.one(derivative.chain().times(ct, primals[0], out, param));
    }

    @Override
    public boolean vjpReadsInput(int i) {
        return derivative.readsInput();
    }

    @Override
    public boolean vjpReadsOutput() {
        return derivative.readsOutput();
    }
}
