package dev.pearl.testing;

import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;

/**
 * Plain-Java gather and scatter-add on {@link HostTensor}s, one element at a time through
 * multi-indices, never calling Pearl.
 */
public final class IndexReference {
    private IndexReference() {
    }

    /** x with axis replaced by ids' shape: out[pre, i..., post] = x[pre, ids[i...], post], 0 for id -1. */
    public static HostTensor gather(HostTensor x, int axis, Index ids) {
        Shape s = x.shape();
        int a = s.normalizeAxis(axis), r = ids.shape().rank();
        Shape out = replace(s, a, 1, ids.shape());
        double[] y = new double[out.size()];
        for (int flat = 0; flat < y.length; flat++) {
            int[] o = Reference.unravel(flat, out);
            int id = ids.get(Reference.ravel(java.util.Arrays.copyOfRange(o, a, a + r), ids.shape()));
            if (id < 0) continue;
            int[] in = new int[s.rank()];
            for (int i = 0; i < a; i++) in[i] = o[i];
            in[a] = id;
            for (int i = a + 1; i < s.rank(); i++) in[i] = o[i - 1 + r];
            y[flat] = x.values()[Reference.ravel(in, s)];
        }
        return new HostTensor(out, y);
    }

    /** The axes of g from axis on that match ids' shape become one axis of size: out[pre, ids[i...], post] += g[pre, i..., post]. */
    public static HostTensor scatterAdd(HostTensor g, int axis, Index ids, int size) {
        Shape s = g.shape();
        int r = ids.shape().rank();
        Shape out = replace(s, axis, r, Shape.of(size));
        double[] y = new double[out.size()];
        for (int flat = 0; flat < g.values().length; flat++) {
            int[] gi = Reference.unravel(flat, s);
            int id = ids.get(Reference.ravel(java.util.Arrays.copyOfRange(gi, axis, axis + r), ids.shape()));
            if (id < 0) continue;
            int[] o = new int[out.rank()];
            for (int i = 0; i < axis; i++) o[i] = gi[i];
            o[axis] = id;
            for (int i = axis + 1; i < out.rank(); i++) o[i] = gi[i - 1 + r];
            y[Reference.ravel(o, out)] += g.values()[flat];
        }
        return new HostTensor(out, y);
    }

    private static Shape replace(Shape s, int at, int count, Shape by) {
        int[] d = new int[s.rank() - count + by.rank()];
        int j = 0;
        for (int i = 0; i < at; i++) d[j++] = s.dim(i);
        for (int i = 0; i < by.rank(); i++) d[j++] = by.dim(i);
        for (int i = at + count; i < s.rank(); i++) d[j++] = s.dim(i);
        return Shape.of(d);
    }
}
