package dev.pearl.prim;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * Selects along one axis by a host-side {@link Index}: the axis is replaced by the index's
 * shape, {@code y[..., i, ...] = x[..., index[i], ...]}, and -1 selects a zero slice. Linear in
 * x: its JVP is the same gather of the tangent, its VJP the {@link ScatterAdd} with the same
 * index, which is in turn linear with this gather as its VJP. Embedding lookups and pooling
 * windows are this one primitive (convolutions have their own, {@link ConvProduct}).
 */
public final class Gather extends Structural {
    private final int axis;
    private final Index index;

    private Gather(int axis, Index index) {
        super("gather");
        this.axis = axis;
        this.index = index;
    }

    /** x with {@code axis} (negative counts from the end) replaced by the selected slices. */
    public static Tensor apply(Tensor x, int axis, Index index) {
        int a = axis < 0 ? axis + x.rank() : axis;
        if (a < 0 || a >= x.rank())
            throw new IllegalArgumentException("gather: axis " + axis + " out of range for " + x.shape());
        return new Gather(a, index).bind(x);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        Shape s = in[0].shape();
        index.checkRange(s.dim(axis), name(), "axis " + axis + " of " + s);
        return replaced(name(), s, axis, 1, index.shape());
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        Shape s = in[0].shape();
        return backend.gather(in[0], outer(s, axis), s.dim(axis), inner(s, axis + 1), index, out);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        return t[0] == null ? null : apply(t[0], axis, index);
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
        return Rules.one(ScatterAdd.apply(ct, axis, index, x[0].shape().dim(axis)));
    }

    /** s with the {@code count} axes from {@code at} on replaced by the dimensions of {@code by}. */
    static Shape replaced(String op, Shape s, int at, int count, Shape by) {
        int rank = s.rank() - count + by.rank();
        if (rank > Shape.MAX_RANK)
            throw new IllegalArgumentException(op + ": result of rank " + rank + " from " + s + " with index " + by + " exceeds the maximum rank " + Shape.MAX_RANK);
        int[] d = new int[rank];
        int j = 0;
        for (int i = 0; i < at; i++) d[j++] = s.dim(i);
        for (int i = 0; i < by.rank(); i++) d[j++] = by.dim(i);
        for (int i = at + count; i < s.rank(); i++) d[j++] = s.dim(i);
        return Shape.of(d);
    }

    /** Product of the dimensions before {@code axis}. */
    static int outer(Shape s, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) n *= s.dim(i);
        return n;
    }

    /** Product of the dimensions from {@code from} on. */
    static int inner(Shape s, int from) {
        int n = 1;
        for (int i = from; i < s.rank(); i++) n *= s.dim(i);
        return n;
    }
}
