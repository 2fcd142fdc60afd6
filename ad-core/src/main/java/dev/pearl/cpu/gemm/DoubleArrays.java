package dev.pearl.cpu.gemm;

import java.util.Arrays;

/** double[] primitives; mirror of FloatArrays (only the element type differs). */
final class DoubleArrays extends ArrayOps<double[]> {
    static final DoubleArrays INSTANCE = new DoubleArrays();

    @Override double[] alloc(int n) { return new double[n]; }

    @Override double[][] rows(int count, int n) { return new double[count][n]; }

    @Override int length(double[] a) { return a.length; }

    @Override void zero(double[] a, int off, int len) { Arrays.fill(a, off, off + len, 0.0); }

    @Override
    void packPanel(double[] src, int off, int rs, int cs, int rows, int width, int kc, double[] dst, int d) {
        if (rows < width) Arrays.fill(dst, d, d + kc * width, 0.0);
        if (rs == 1) { // lines adjacent in memory: copy each k-slice as a contiguous run
            for (int p = 0; p < kc; p++) System.arraycopy(src, off + p * cs, dst, d + p * width, rows);
        } else { // a transpose: go in short runs of p so both source and dst lines stay in L1
            for (int p0 = 0; p0 < kc; p0 += 32) {
                int p1 = Math.min(kc, p0 + 32);
                for (int r = 0; r < rows; r++) {
                    int s = off + r * rs;
                    for (int p = p0; p < p1; p++) dst[d + p * width + r] = src[s + p * cs];
                }
            }
        }
    }

    @Override
    void tileOut(double[] t, int ldt, double[] c, int co, int ldc, int rows, int cols, boolean acc) {
        for (int r = 0; r < rows; r++) {
            int ci = co + r * ldc, ti = r * ldt;
            if (acc) for (int j = 0; j < cols; j++) c[ci + j] += t[ti + j];
            else System.arraycopy(t, ti, c, ci, cols);
        }
    }

    @Override
    void axpy(double[] s, int si, double[] x, int xo, double[] y, int yo, int n) {
        double a = s[si];
        for (int j = 0; j < n; j++) y[yo + j] += a * x[xo + j];
    }

    @Override
    void axpy4(double[] s, int si, double[] x, double[] y0, double[] y1, double[] y2, double[] y3, int n) {
        double a0 = s[si], a1 = s[si + 1], a2 = s[si + 2], a3 = s[si + 3];
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            y0[j] += a0 * xj;
            y1[j] += a1 * xj;
            y2[j] += a2 * xj;
            y3[j] += a3 * xj;
        }
    }

    @Override
    void dot(double[] c, int ci, double[] x, int xo, int xs, double[] y, int yo, int ys, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0; // independent partial sums: adds need not wait on each other
        int p = 0;
        for (; p + 3 < n; p += 4) {
            s0 += x[xo + p * xs] * y[yo + p * ys];
            s1 += x[xo + (p + 1) * xs] * y[yo + (p + 1) * ys];
            s2 += x[xo + (p + 2) * xs] * y[yo + (p + 2) * ys];
            s3 += x[xo + (p + 3) * xs] * y[yo + (p + 3) * ys];
        }
        for (; p < n; p++) s0 += x[xo + p * xs] * y[yo + p * ys];
        c[ci] = (s0 + s1) + (s2 + s3);
    }
}
