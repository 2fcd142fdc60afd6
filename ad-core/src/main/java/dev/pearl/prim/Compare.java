package dev.pearl.prim;

import dev.pearl.backend.BinaryOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * Comparisons giving masks of 1 and 0 in the inputs' dtype. Masks are piecewise constant: their
 * derivatives are zero, so a mask never carries a tangent or a cotangent.
 */
public final class Compare extends Structural {
    private final BinaryOp op;

    private Compare(BinaryOp op) {
        super(op.name().toLowerCase());
        this.op = op;
    }

    public static Tensor apply(BinaryOp op, Tensor a, Tensor b) {
        return new Compare(op).bind(a, b);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        return Shape.broadcast(name(), in[0].shape(), in[1].shape());
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.binary(op, in[0], in[1], out);
    }

    @Override
    public Tensor jvp(Tensor[] primals, Tensor[] tangents, Tensor out) {
        return null;
    }

    @Override
    public Tensor[] vjp(Tensor[] primals, Tensor out, Tensor ct, boolean[] needs) {
        return new Tensor[2];
    }
}
