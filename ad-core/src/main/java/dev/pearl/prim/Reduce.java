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

    /** Where x attains its max (1, else 0; x's shape) and at how many places (the kept shape): ties share equally. Constants. */
    private record Winners(Tensor mask, Tensor count) {
    }

    private Winners winners(Tensor x, Tensor out) {
        Tensor mask = Rules.eq(x, ShapeOps.reshape(out, keptShape(x.shape())));  // the comparison broadcasts
        return new Winners(mask, Rules.sum(mask, true, axes));
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        if (op == ReduceOp.SUM) return apply(ReduceOp.SUM, t[0], keepDims, axes);
        // The winners' mean tangent: divided by the count on the reduced shape, not on x's.
        Winners w = winners(x[0], out);
        Tensor mean = Rules.div(apply(ReduceOp.SUM, Rules.mul(t[0], w.mask()), true, axes), w.count());
        return keepDims ? mean : ShapeOps.reshape(mean, out.shape());
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
        Tensor g = ShapeOps.reshape(ct, keptShape(x[0].shape()));
        if (op == ReduceOp.SUM) return Rules.one(ShapeOps.broadcastTo(g, x[0].shape()));
        // Each winner's share, g / count, is formed on the reduced shape and spread by the mask (the product broadcasts).
        Winners w = winners(x[0], out);
        return Rules.one(Rules.mul(w.mask(), Rules.div(g, w.count())));
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
