package dev.pearl.prim;

import dev.pearl.backend.ReduceOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

import java.util.Arrays;

/**
 * Sum and max over axes (keepDims optional). The max's derivative flows to the maximal elements,
 * shared equally among ties.
 */
public final class Reduce extends Primitive {
    private final ReduceOp op;
    private final int[] axes;
    private final boolean keepDims;

    private Reduce(ReduceOp op, int[] axes, boolean keepDims) {
        super(op == ReduceOp.SUM ? "sum" : "max");
        this.op = op;
        this.axes = axes;
        this.keepDims = keepDims;
    }

    /** Reduces the given axes (negative counts from the end; none given = all axes). */
    public static Tensor apply(ReduceOp op, Tensor x, boolean keepDims, int... axes) {
        int[] norm = normalize(x.shape(), axes);
        if (norm.length == 0) return x;
        return new Reduce(op, norm, keepDims).bind(x);
    }

    private static int[] normalize(Shape s, int[] axes) {
        if (axes.length == 0) {
            int[] all = new int[s.rank()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        int[] n = new int[axes.length];
        for (int i = 0; i < axes.length; i++) n[i] = s.normalizeAxis(axes[i]);
        Arrays.sort(n);
        for (int i = 1; i < n.length; i++)
            if (n[i] == n[i - 1]) throw new IllegalArgumentException("reduce: axis " + n[i] + " given twice for " + s);
        return n;
    }

    private Shape keptShape(Shape s) {
        int[] d = s.dims();
        for (int a : axes) d[a] = 1;
        return Shape.of(d);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        Shape s = in[0].shape();
        for (int a : axes)
            if (a >= s.rank()) throw new IllegalArgumentException(name() + ": axis " + a + " out of range for " + s);
        if (keepDims) return keptShape(s);
        int[] d = new int[s.rank() - axes.length];
        int j = 0;
        for (int i = 0; i < s.rank(); i++) if (Arrays.binarySearch(axes, i) < 0) d[j++] = s.dim(i);
        return Shape.of(d);
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        if (op == ReduceOp.MAX && in[0].size() == 0)
            throw new IllegalArgumentException("max: reduction of an empty tensor " + in[0].shape());
        return backend.reduce(op, in[0], axes).withShape(out);
    }

    /** Weights that route derivatives to the maximal elements (ties share equally); a constant. */
    private Tensor maxWeights(Tensor x, Tensor out) {
        Tensor mask = Rules.eq(x, ShapeOps.reshape(out, keptShape(x.shape())));  // the comparison broadcasts
        Tensor count = Rules.sum(mask, true, axes);
        return Rules.div(mask, count);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        Tensor g = op == ReduceOp.SUM ? t[0] : Rules.mul(t[0], maxWeights(x[0], out));
        return apply(ReduceOp.SUM, g, keepDims, axes);
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
        Tensor g = ShapeOps.reshape(ct, keptShape(x[0].shape()));
        // A max's weights have the input's shape, so the product broadcasts g; a sum's g is spread explicitly.
        return Rules.one(op == ReduceOp.SUM ? ShapeOps.broadcastTo(g, x[0].shape()) : Rules.mul(g, maxWeights(x[0], out)));
    }

    /** A sum's rule needs only the input's shape; a max's finds the winners from input and output. */
    @Override
    public boolean vjpReadsInput(int i) {
        return op != ReduceOp.SUM;
    }

    @Override
    public boolean vjpReadsOutput() {
        return op != ReduceOp.SUM;
    }
}
