package dev.pearl.testing;

import dev.pearl.tensor.Shape;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Plain-Java reference implementations of Pearl's ops on {@link HostTensor}s, written for
 * clarity (index arithmetic on every element), never calling Pearl, to check its forward values.
 */
public final class Reference {
    private Reference() {
    }

    // ---------------------------------------------------------------- elementwise

    public static HostTensor map(HostTensor x, DoubleUnaryOperator f) {
        double[] r = new double[x.values().length];
        for (int i = 0; i < r.length; i++) r[i] = f.applyAsDouble(x.values()[i]);
        return new HostTensor(x.shape(), r);
    }

    public static HostTensor zip(HostTensor a, HostTensor b, DoubleBinaryOperator f) {
        return broadcastMap(List.of(a, b), v -> f.applyAsDouble(v[0], v[1]));
    }

    /** f of the inputs' elements, all broadcast (NumPy rules) to their common shape. */
    public static HostTensor broadcastMap(List<HostTensor> xs, ToDoubleFunction<double[]> f) {
        Shape out = xs.get(0).shape();
        for (HostTensor x : xs) out = broadcastShape(out, x.shape());
        double[] r = new double[out.size()];
        double[] args = new double[xs.size()];
        for (int flat = 0; flat < r.length; flat++) {
            int[] idx = unravel(flat, out);
            for (int k = 0; k < xs.size(); k++) args[k] = broadcastRead(xs.get(k), idx);
            r[flat] = f.applyAsDouble(args);
        }
        return new HostTensor(out, r);
    }

    public static HostTensor broadcastTo(HostTensor x, Shape target) {
        double[] r = new double[target.size()];
        for (int flat = 0; flat < r.length; flat++) r[flat] = broadcastRead(x, unravel(flat, target));
        return new HostTensor(target, r);
    }

    // ---------------------------------------------------------------- reductions

    public static HostTensor sum(HostTensor x, int[] axes, boolean keepDims) {
        return reduce(x, axes, keepDims, Double::sum, 0);
    }

    public static HostTensor max(HostTensor x, int[] axes, boolean keepDims) {
        return reduce(x, axes, keepDims, Math::max, Double.NEGATIVE_INFINITY);
    }

    public static HostTensor mean(HostTensor x, int[] axes, boolean keepDims) {
        HostTensor s = sum(x, axes, keepDims);
        double n = (double) x.shape().size() / s.shape().size();
        return map(s, v -> v / n);
    }

    /** Reduces the given axes (negative counts from the end) with op, starting from init. */
    public static HostTensor reduce(HostTensor x, int[] axes, boolean keepDims, DoubleBinaryOperator op, double init) {
        Shape in = x.shape();
        boolean[] reduced = new boolean[in.rank()];
        for (int a : axes) reduced[in.normalizeAxis(a)] = true;
        int[] kept = in.dims();
        for (int a = 0; a < kept.length; a++) if (reduced[a]) kept[a] = 1;
        Shape keptShape = Shape.of(kept);
        double[] r = new double[keptShape.size()];
        Arrays.fill(r, init);
        for (int flat = 0; flat < x.values().length; flat++) {
            int[] idx = unravel(flat, in);
            for (int a = 0; a < idx.length; a++) if (reduced[a]) idx[a] = 0;
            int o = ravel(idx, keptShape);
            r[o] = op.applyAsDouble(r[o], x.values()[flat]);
        }
        return new HostTensor(keepDims ? keptShape : dropAxes(keptShape, reduced), r);
    }

    public static HostTensor logSumExp(HostTensor x, int axis, boolean keepDims) {
        return map(reduce(map(x, Math::exp), new int[]{axis}, keepDims, Double::sum, 0), Math::log);
    }

    public static HostTensor logSoftmax(HostTensor x, int axis) {
        HostTensor lse = logSumExp(x, axis, true);
        return zip(x, lse, (a, b) -> a - b);
    }

    public static HostTensor softmax(HostTensor x, int axis) {
        return map(logSoftmax(x, axis), Math::exp);
    }

    // ---------------------------------------------------------------- linear algebra and layout

    /** op(a)·op(b) for 2-D a, b, where op transposes when its flag is set. */
    public static HostTensor matmul(HostTensor a, HostTensor b, boolean ta, boolean tb) {
        int m = ta ? a.shape().dim(1) : a.shape().dim(0), k = ta ? a.shape().dim(0) : a.shape().dim(1);
        int n = tb ? b.shape().dim(0) : b.shape().dim(1);
        double[] r = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    double av = ta ? a.values()[l * m + i] : a.values()[i * k + l];
                    double bv = tb ? b.values()[j * k + l] : b.values()[l * n + j];
                    s += av * bv;
                }
                r[i * n + j] = s;
            }
        return new HostTensor(Shape.of(m, n), r);
    }

    /** Result axis i is input axis perm[i]. */
    public static HostTensor transpose(HostTensor x, int[] perm) {
        int[] d = new int[perm.length];
        for (int i = 0; i < perm.length; i++) d[i] = x.shape().dim(perm[i]);
        Shape out = Shape.of(d);
        double[] r = new double[out.size()];
        int[] src = new int[perm.length];
        for (int flat = 0; flat < r.length; flat++) {
            int[] idx = unravel(flat, out);
            for (int i = 0; i < perm.length; i++) src[perm[i]] = idx[i];
            r[flat] = x.values()[ravel(src, x.shape())];
        }
        return new HostTensor(out, r);
    }

    public static HostTensor reshape(HostTensor x, Shape s) {
        return new HostTensor(s, x.values().clone());
    }

    public static HostTensor slice(HostTensor x, int axis, int start, int end) {
        int a = x.shape().normalizeAxis(axis);
        Shape out = x.shape().withDim(a, end - start);
        double[] r = new double[out.size()];
        for (int flat = 0; flat < r.length; flat++) {
            int[] idx = unravel(flat, out);
            idx[a] += start;
            r[flat] = x.values()[ravel(idx, x.shape())];
        }
        return new HostTensor(out, r);
    }

    public static HostTensor concat(List<HostTensor> parts, int axis) {
        int a = parts.get(0).shape().normalizeAxis(axis);
        int total = 0;
        for (HostTensor p : parts) total += p.shape().dim(a);
        Shape out = parts.get(0).shape().withDim(a, total);
        double[] r = new double[out.size()];
        for (int flat = 0; flat < r.length; flat++) {
            int[] idx = unravel(flat, out);
            int part = 0;
            while (idx[a] >= parts.get(part).shape().dim(a)) idx[a] -= parts.get(part++).shape().dim(a);
            r[flat] = parts.get(part).values()[ravel(idx, parts.get(part).shape())];
        }
        return new HostTensor(out, r);
    }

    // ---------------------------------------------------------------- indices

    public static int[] unravel(int flat, Shape s) {
        int[] idx = new int[s.rank()];
        for (int a = s.rank() - 1; a >= 0; a--) {
            idx[a] = flat % s.dim(a);
            flat /= s.dim(a);
        }
        return idx;
    }

    public static int ravel(int[] idx, Shape s) {
        int flat = 0;
        for (int a = 0; a < s.rank(); a++) flat = flat * s.dim(a) + idx[a];
        return flat;
    }

    private static double broadcastRead(HostTensor x, int[] outIdx) {
        Shape s = x.shape();
        int off = outIdx.length - s.rank();
        int[] idx = new int[s.rank()];
        for (int a = 0; a < s.rank(); a++) idx[a] = s.dim(a) == 1 ? 0 : outIdx[a + off];
        return x.values()[ravel(idx, s)];
    }

    private static Shape broadcastShape(Shape a, Shape b) {
        int r = Math.max(a.rank(), b.rank());
        int[] d = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.rank() ? 1 : a.dim(i - (r - a.rank()));
            int db = i < r - b.rank() ? 1 : b.dim(i - (r - b.rank()));
            if (da != db && da != 1 && db != 1) throw new IllegalArgumentException("reference: " + a + " and " + b + " do not broadcast");
            d[i] = da == 1 ? db : da;
        }
        return Shape.of(d);
    }

    private static Shape dropAxes(Shape s, boolean[] drop) {
        int n = 0;
        for (boolean b : drop) if (!b) n++;
        int[] d = new int[n];
        for (int a = 0, j = 0; a < s.rank(); a++) if (!drop[a]) d[j++] = s.dim(a);
        return Shape.of(d);
    }
}
