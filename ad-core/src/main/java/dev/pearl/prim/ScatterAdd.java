package dev.pearl.prim;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * The adjoint of {@link Gather}: the axes of g from {@code axis} on that match the index's shape
 * collapse into one axis of {@code size}, each slice added at the position its index entry names
 * (entries -1 are dropped). Linear: its JVP is the same scatter-add of the tangent and its VJP is
 * the gather with the same index. The VJP of a convolution's input is this op (col2im).
 */
public final class ScatterAdd extends Structural {
    private final int axis;
    private final Index index;
    private final int size;

    private ScatterAdd(int axis, Index index, int size) {
        super("scatterAdd");
        this.axis = axis;
        this.index = index;
        this.size = size;
    }

    public static Tensor apply(Tensor g, int axis, Index index, int size) {
        if (size < 0) throw new IllegalArgumentException("scatterAdd: size must be >= 0, got " + size);
        int a = axis < 0 ? axis + g.rank() - index.shape().rank() + 1 : axis;
        return new ScatterAdd(a, index, size).bind(g);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        Shape g = in[0].shape(), ix = index.shape();
        boolean fits = axis >= 0 && axis + ix.rank() <= g.rank();
        for (int i = 0; fits && i < ix.rank(); i++) fits = g.dim(axis + i) == ix.dim(i);
        if (!fits)
            throw new IllegalArgumentException("scatterAdd: values " + g + " do not hold index " + ix + " at axis " + axis);
        index.checkRange(size, name(), "an axis of size " + size);
        return Gather.replaced(name(), g, axis, ix.rank(), Shape.of(size));
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        Shape g = in[0].shape();
        return backend.scatterAdd(in[0], Gather.outer(g, axis), size, Gather.inner(g, axis + index.shape().rank()), index, out);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        return t[0] == null ? null : apply(t[0], axis, index, size);
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
        return Rules.one(Gather.apply(ct, axis, index));
    }
}
