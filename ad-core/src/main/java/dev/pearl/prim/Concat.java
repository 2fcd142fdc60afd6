package dev.pearl.prim;

import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

/** Joins tensors along an axis; the VJP slices the cotangent back into the parts. */
public final class Concat extends Structural {
    private final int axis;

    private Concat(int axis) {
        super("concat");
        this.axis = axis;
    }

    public static Tensor apply(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) throw new IllegalArgumentException("concat: no tensors given");
        if (parts.size() == 1) return parts.get(0);
        return new Concat(axis).bind(parts.toArray(new Tensor[0]));
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        Shape first = in[0].shape();
        int a = first.normalizeAxis(axis);
        int total = 0;
        for (Tensor t : in) {
            Shape s = t.shape();
            boolean ok = s.rank() == first.rank();
            for (int i = 0; ok && i < s.rank(); i++) ok = i == a || s.dim(i) == first.dim(i);
            if (!ok) throw new IllegalArgumentException("concat along axis " + axis + ": shapes differ off that axis: " + describe(in));
            total += s.dim(a);
        }
        return first.withDim(a, total);
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape out) {
        return backend.concat(Arrays.asList(in), in[0].shape().normalizeAxis(axis), out);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor out) {
        Tensor[] parts = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) parts[i] = t[i] != null ? t[i] : Rules.zeros(x[i].shape(), x[i]);
        return apply(Arrays.asList(parts), axis);
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor out, Tensor ct, boolean[] needs) {
        int a = out.shape().normalizeAxis(axis);
        Tensor[] g = new Tensor[x.length];
        int at = 0;
        for (int i = 0; i < x.length; i++) {
            int len = x[i].shape().dim(a);
            if (needs[i]) g[i] = ShapeOps.slice(ct, a, at, at + len);
            at += len;
        }
        return g;
    }
}
