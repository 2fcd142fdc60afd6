package dev.pearl.prim;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

/** where(mask, a, b) = mask != 0 ? a : b, broadcast; differentiable in a and b, not in the mask. */
public final class Where extends Primitive {
    public static final Where INSTANCE = new Where();

    private Where() {
        super("where");
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        return Shape.broadcast(name(), Shape.broadcast(name(), in[0].shape(), in[1].shape()), in[2].shape());
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.where(in[0], in[1], in[2], out);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        if (t[1] == null && t[2] == null) return null;
        Tensor zero = Rules.zeros(Shape.SCALAR, out);
        // Expand: the operand without a tangent may be the one that set the output's shape.
        return Rules.expand(Rules.where(x[0], t[1] != null ? t[1] : zero, t[2] != null ? t[2] : zero), out.shape());
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
        Tensor zero = Rules.zeros(Shape.SCALAR, ct);
        return new Tensor[]{null,
                needs[1] ? Rules.sumTo(Rules.where(x[0], ct, zero), x[1].shape()) : null,
                needs[2] ? Rules.sumTo(Rules.where(x[0], zero, ct), x[2].shape()) : null};
    }

    /** Only the condition decides where the cotangent goes. */
    @Override
    public boolean vjpReadsInput(int i) {
        return i == 0;
    }

    @Override
    public boolean vjpReadsOutput() {
        return false;
    }
}
