package dev.pearl.nn;

import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;
import java.util.function.Function;

/** Flat float64 vectors and dense matrices for explicit reference computations in tests. */
final class Flat {
    private Flat() {
    }

    static double[] of(Params p) {
        double[] out = new double[(int) p.numel()];
        int at = 0;
        for (Tensor t : p.tensors()) {
            double[] v = t.toDoubleArray();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /** Tensors shaped like {@code like}'s, holding consecutive runs of flat, on backend b. */
    static Params params(Params like, double[] flat, Backend b) {
        int[] at = {0};
        return like.map(t -> {
            double[] v = Arrays.copyOfRange(flat, at[0], at[0] + t.size());
            at[0] += t.size();
            return b.fromArray(v, t.shape(), DType.FLOAT64);
        });
    }

    static double[] shifted(double[] x, int i, double h) {
        double[] y = x.clone();
        y[i] += h;
        return y;
    }

    /** The Hessian of f at x by central second differences with step h. */
    static double[][] secondDifferences(Function<double[], Double> f, double[] x, double h) {
        int m = x.length;
        double[][] out = new double[m][m];
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++) {
                double fpp = f.apply(shifted(shifted(x, a, h), b, h)), fpm = f.apply(shifted(shifted(x, a, h), b, -h));
                double fmp = f.apply(shifted(shifted(x, a, -h), b, h)), fmm = f.apply(shifted(shifted(x, a, -h), b, -h));
                out[a][b] = (fpp - fpm - fmp + fmm) / (4 * h * h);
            }
        return out;
    }

    static double[] mul(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < v.length; j++) out[i] += a[i][j] * v[j];
        return out;
    }

    static double[] mulT(double[][] a, double[] v) {
        double[] out = new double[a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < out.length; j++) out[j] += a[i][j] * v[i];
        return out;
    }
}
