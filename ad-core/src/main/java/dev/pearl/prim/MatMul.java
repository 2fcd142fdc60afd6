package dev.pearl.prim;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

/**
 * C = op(A)·op(B) for 2-D tensors, op = identity or transpose (flags, never a materialised
 * transpose). The VJP rules are matmuls with flags too: for C = op(A)op(B),
 * d op(A) = dC·op(B)ᵀ and d op(B) = op(A)ᵀ·dC.
 */
public final class MatMul extends Primitive {
    private final boolean ta, tb;

    private MatMul(boolean ta, boolean tb) {
        super("matmul");
        this.ta = ta;
        this.tb = tb;
    }

    public static Tensor apply(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return new MatMul(transposeA, transposeB).bind(a, b);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        Shape a = in[0].shape(), b = in[1].shape();
        if (a.rank() != 2 || b.rank() != 2)
            throw new IllegalArgumentException("matmul: needs 2-D operands, got " + a + " x " + b);
        int m = ta ? a.dim(1) : a.dim(0), ka = ta ? a.dim(0) : a.dim(1);
        int kb = tb ? b.dim(1) : b.dim(0), n = tb ? b.dim(0) : b.dim(1);
        if (ka != kb)
            throw new IllegalArgumentException("matmul: " + a + (ta ? "ᵀ" : "") + " x " + b + (tb ? "ᵀ" : "")
                    + ": inner dimensions " + ka + " and " + kb + " differ");
        return Shape.of(m, n);
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.matmul(in[0], in[1], ta, tb);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        Tensor a = t[0] == null ? null : apply(t[0], x[1], ta, tb);
        Tensor b = t[1] == null ? null : apply(x[0], t[1], ta, tb);
        return Rules.plus(a, b);
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
        Tensor a = x[0], b = x[1];
        Tensor ga = null, gb = null;
        if (needs[0]) ga = ta ? apply(b, ct, tb, true) : apply(ct, b, false, !tb);
        if (needs[1]) gb = tb ? apply(ct, a, true, ta) : apply(a, ct, !ta, false);
        return new Tensor[]{ga, gb};
    }

    @Override
    public boolean vjpReadsOutput() {
        return false;
    }

}
