package dev.pearl.cpu.gemm;

import dev.pearl.cpu.parallel.ThreadPool;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks a GEMM implementation against a double-precision triple loop. Inputs are floats (exact in
 * both precisions), so the only error is the implementation's own rounding; the tolerance is the
 * classic dot-product bound 2(k+1)u * sum|a||b| (u = unit roundoff of the dtype), so a wrong or
 * missing term (about sum/k) fails it for every k used in the tests.
 */
final class ReferenceCheck {
    private ReferenceCheck() {}

    /** One GEMM implementation under test, float and double. */
    interface Impl {
        void sgemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, float[] b, int bo, float[] c, int co);

        void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co);
    }

    static Impl publicApi(ThreadPool pool) {
        return new Impl() {
            public void sgemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, float[] b, int bo, float[] c, int co) {
                Gemm.sgemm(ta, tb, m, n, k, a, ao, b, bo, c, co, pool);
            }

            public void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co) {
                Gemm.dgemm(ta, tb, m, n, k, a, ao, b, bo, c, co, pool);
            }
        };
    }

    static Impl engines(KernelChoice choice, ThreadPool pool) {
        return new Impl() {
            public void sgemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, float[] b, int bo, float[] c, int co) {
                choice.floats.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co, pool);
            }

            public void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co) {
                choice.doubles.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co, pool);
            }
        };
    }

    /** Drives one path directly on the whole of C, bypassing Engine's choice of path. */
    interface Path {
        <A> void run(ArrayOps<A> ops, View<A> a, View<A> b, int m, int n, int k, A c, int co);
    }

    static Impl path(Path p) {
        return new Impl() {
            public void sgemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, float[] b, int bo, float[] c, int co) {
                p.run(FloatArrays.INSTANCE, viewA(a, ao, ta, m, k), viewB(b, bo, tb, n, k), m, n, k, c, co);
            }

            public void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co) {
                p.run(DoubleArrays.INSTANCE, viewA(a, ao, ta, m, k), viewB(b, bo, tb, n, k), m, n, k, c, co);
            }
        };
    }

    private static <A> View<A> viewA(A a, int ao, boolean ta, int m, int k) {
        return ta ? new View<>(a, ao, 1, m) : new View<>(a, ao, k, 1);
    }

    private static <A> View<A> viewB(A b, int bo, boolean tb, int n, int k) {
        return tb ? new View<>(b, bo, k, 1) : new View<>(b, bo, 1, n);
    }

    /** The packed driver alone on the given kernels and block sizes (no unpacked path, no threads). */
    static Impl packed(MicroKernel<float[]> fk, Blocking fb, MicroKernel<double[]> dk, Blocking db) {
        BlockedGemm<float[]> f = new BlockedGemm<>(FloatArrays.INSTANCE, fk, fb);
        BlockedGemm<double[]> d = new BlockedGemm<>(DoubleArrays.INSTANCE, dk, db);
        return path(new Path() {
            @SuppressWarnings("unchecked")
            public <A> void run(ArrayOps<A> ops, View<A> a, View<A> b, int m, int n, int k, A c, int co) {
                BlockedGemm<A> g = (BlockedGemm<A>) (ops == FloatArrays.INSTANCE ? f : d);
                if (m == 0 || n == 0) return;
                if (k == 0) ops.zero(c, co, m * n); // the driver assumes k > 0, as Engine guarantees
                else g.run(a, b, k, c, co, n, 0, m, 0, n);
            }
        });
    }

    /** Packed driver with tiny blocks, so small matrices cross every block boundary. */
    static Impl tinyBlocks(MicroKernel<float[]> fk, MicroKernel<double[]> dk) {
        return packed(fk, new Blocking(2 * fk.mr, 7, 2 * fk.nr), dk, new Blocking(2 * dk.mr, 7, 2 * dk.nr));
    }

    /** Runs op(A) op(B) in both precisions through impl and checks against the reference. */
    static void check(Impl impl, Random r, boolean ta, boolean tb, int m, int n, int k) {
        int ao = r.nextInt(4), bo = r.nextInt(4), co = r.nextInt(4), pad = 3;
        double[] a = new double[m * k], b = new double[k * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian(); // exactly representable as float
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextGaussian();
        double[] want = new double[m * n], bound = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * m + i] : a[i * k + p], y = tb ? b[j * k + p] : b[p * n + j];
                    want[i * n + j] += x * y;
                    bound[i * n + j] += Math.abs(x * y);
                }
        String what = String.format("transA=%b transB=%b m=%d n=%d k=%d", ta, tb, m, n, k);

        float[] af = new float[ao + a.length + pad], bf = new float[bo + b.length + pad], cf = new float[co + m * n + pad];
        for (int i = 0; i < a.length; i++) af[ao + i] = (float) a[i];
        for (int i = 0; i < b.length; i++) bf[bo + i] = (float) b[i];
        Arrays.fill(cf, Float.NaN); // C must be overwritten, never read
        impl.sgemm(ta, tb, m, n, k, af, ao, bf, bo, cf, co);
        double[] gotF = new double[cf.length];
        for (int i = 0; i < cf.length; i++) gotF[i] = cf[i];
        compare("float " + what, gotF, co, want, bound, 2.0 * (k + 1) * 0x1p-24);

        double[] ad = new double[ao + a.length + pad], bd = new double[bo + b.length + pad], cd = new double[co + m * n + pad];
        System.arraycopy(a, 0, ad, ao, a.length);
        System.arraycopy(b, 0, bd, bo, b.length);
        Arrays.fill(cd, Double.NaN);
        impl.dgemm(ta, tb, m, n, k, ad, ao, bd, bo, cd, co);
        compare("double " + what, cd, co, want, bound, 2.0 * (k + 1) * 0x1p-53);
    }

    private static void compare(String what, double[] got, int co, double[] want, double[] bound, double rel) {
        for (int i = 0; i < got.length; i++) {
            boolean inside = i >= co && i < co + want.length;
            if (!inside) {
                if (!Double.isNaN(got[i])) fail(what + ": wrote outside C at index " + i);
                continue;
            }
            double w = want[i - co], err = Math.abs(got[i] - w);
            if (!(err <= rel * bound[i - co])) fail(what + ": C[" + (i - co) + "] = " + got[i] + ", expected " + w);
        }
    }

    /** Random shapes with every transpose combination. */
    static void randomShapes(Impl impl, long seed, int count, int maxDim) {
        Random r = new Random(seed);
        for (int t = 0; t < count; t++) {
            int m = 1 + r.nextInt(maxDim), n = 1 + r.nextInt(maxDim), k = 1 + r.nextInt(maxDim);
            check(impl, r, (t & 1) != 0, (t & 2) != 0, m, n, k);
        }
    }
}
