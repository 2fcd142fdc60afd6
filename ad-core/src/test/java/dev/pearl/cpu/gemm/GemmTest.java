package dev.pearl.cpu.gemm;

import dev.pearl.cpu.parallel.ThreadPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks every GEMM path against a double-precision triple loop. Tolerance is the classic
 * dot-product bound 2(k+1)u * sum|a||b| (u = unit roundoff), so a wrong or missing term (about
 * sum/k) fails it for all k used here.
 */
class GemmTest {
    // Shared by the Jupiter tests and the jqwik property (which has its own lifecycle); the
    // pool's workers are daemon threads, so leaving them open is harmless.
    private static final ThreadPool one = new ThreadPool(1), two = new ThreadPool(2);

    /** One GEMM implementation under test, float and double. */
    private interface Impl {
        void sgemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, float[] b, int bo, float[] c, int co);

        void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co);
    }

    private static Impl publicApi(ThreadPool pool) {
        return new Impl() {
            public void sgemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, float[] b, int bo, float[] c, int co) {
                Gemm.sgemm(ta, tb, m, n, k, a, ao, b, bo, c, co, pool);
            }

            public void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co) {
                Gemm.dgemm(ta, tb, m, n, k, a, ao, b, bo, c, co, pool);
            }
        };
    }

    private static Impl engines(Engine<float[]> f, Engine<double[]> d, ThreadPool pool) {
        return new Impl() {
            public void sgemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int ao, float[] b, int bo, float[] c, int co) {
                f.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co, pool);
            }

            public void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co) {
                d.gemm(ta, tb, m, n, k, a, ao, b, bo, c, co, pool);
            }
        };
    }

    /** Drives one path directly on the whole of C, bypassing Engine's choice of path. */
    private interface Path {
        <A> void run(ArrayOps<A> ops, View<A> a, View<A> b, int m, int n, int k, A c, int co);
    }

    private static Impl path(Path p) {
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

    /** Packed driver with tiny blocks, so small matrices cross every block boundary. */
    private static Impl tinyBlocks(MicroKernel<float[]> fk, MicroKernel<double[]> dk) {
        BlockedGemm<float[]> f = new BlockedGemm<>(FloatArrays.INSTANCE, fk, 2 * fk.mr, 7, 2 * fk.nr);
        BlockedGemm<double[]> d = new BlockedGemm<>(DoubleArrays.INSTANCE, dk, 2 * dk.mr, 7, 2 * dk.nr);
        return path(new Path() {
            @SuppressWarnings("unchecked")
            public <A> void run(ArrayOps<A> ops, View<A> a, View<A> b, int m, int n, int k, A c, int co) {
                BlockedGemm<A> g = (BlockedGemm<A>) (ops == FloatArrays.INSTANCE ? f : d);
                if (m > 0 && n > 0) g.run(a, b, k, c, co, n, 0, m, 0, n);
            }
        });
    }

    /** Runs op(A) op(B) in both precisions through impl and checks against the reference. */
    private static void check(Impl impl, Random r, boolean ta, boolean tb, int m, int n, int k) {
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
    private static void randomShapes(Impl impl, long seed, int count, int maxDim) {
        Random r = new Random(seed);
        for (int t = 0; t < count; t++) {
            int m = 1 + r.nextInt(maxDim), n = 1 + r.nextInt(maxDim), k = 1 + r.nextInt(maxDim);
            check(impl, r, (t & 1) != 0, (t & 2) != 0, m, n, k);
        }
    }

    @Test
    void publicApiOnRandomShapes() {
        randomShapes(publicApi(one), 1, 30, 90);
        randomShapes(publicApi(two), 2, 30, 90);
    }

    @Property(tries = 25)
    void anyShapeAgreesWithReference(@ForAll @IntRange(min = 0, max = 70) int m, @ForAll @IntRange(min = 0, max = 70) int n,
                                     @ForAll @IntRange(min = 0, max = 70) int k, @ForAll boolean transA,
                                     @ForAll boolean transB, @ForAll boolean twoThreads, @ForAll long seed) {
        check(publicApi(twoThreads ? two : one), new Random(seed), transA, transB, m, n, k);
    }

    @Test
    void publicApiOnEdgeSizes() {
        Random r = new Random(3);
        int[] sizes = {0, 1, 2, 3, 8, 9, 17, 49};
        for (int m : sizes)
            for (int n : sizes)
                for (int k : new int[] {0, 1, 5})
                    check(publicApi(r.nextBoolean() ? one : two), r, r.nextBoolean(), r.nextBoolean(), m, n, k);
    }

    @Test
    void largeEnoughToSplitAcrossThreads() {
        Random r = new Random(4);
        for (boolean t : new boolean[] {false, true}) {
            check(publicApi(two), r, t, t, 201, 203, 400); // rows split, two k slices
            check(publicApi(two), r, t, !t, 17, 1000, 300); // columns split
        }
    }

    @Test
    void scalarFallbackEngine() {
        // The path used when jdk.incubator.vector is absent; testable even when it is present.
        Impl scalar1 = engines(Gemm.floatEngine(false), Gemm.doubleEngine(false), one);
        Impl scalar2 = engines(Gemm.floatEngine(false), Gemm.doubleEngine(false), two);
        randomShapes(scalar1, 5, 30, 100);
        Random r = new Random(6);
        check(scalar2, r, false, true, 150, 300, 120);
        check(scalar2, r, true, false, 260, 40, 90);
    }

    @Test
    void packedDriverAcrossBlockBoundaries() {
        ArrayOps<float[]> f = FloatArrays.INSTANCE;
        ArrayOps<double[]> d = DoubleArrays.INSTANCE;
        randomShapes(tinyBlocks(new ScalarKernel<>(f, 8, 1), new ScalarKernel<>(d, 8, 1)), 7, 40, 40);
        if (Gemm.vectorized()) randomShapes(tinyBlocks(VectorKernels.floats(), VectorKernels.doubles()), 8, 40, 70);
    }

    @Test
    void unpackedPathOnRandomShapes() {
        Impl small = path(new Path() {
            public <A> void run(ArrayOps<A> ops, View<A> a, View<A> b, int m, int n, int k, A c, int co) {
                SmallGemm.run(ops, a, b, k, c, co, n, 0, m, 0, n);
            }
        });
        randomShapes(small, 9, 60, 40);
    }

    @Test
    void concurrentCallersGetCorrectResults() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                long seed = 100 + t;
                results.add(callers.submit(() -> randomShapes(publicApi(two), seed, 10, 100)));
            }
            for (Future<?> f : results) f.get();
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void kZeroGivesZeros() {
        float[] c = {5, 5, 5, 5, 5, 5, 7};
        Gemm.sgemm(false, false, 2, 3, 0, new float[0], 0, new float[0], 0, c, 0, one);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 7}, c);
    }

    @Test
    void rejectsBadArguments() {
        float[] x = new float[6];
        assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(false, false, -1, 2, 2, x, 0, x, 0, x, 0, one));
        assertThrows(IndexOutOfBoundsException.class, () -> Gemm.sgemm(false, false, 2, 3, 2, x, 3, x, 0, x, 0, one));
        assertThrows(IndexOutOfBoundsException.class, () -> Gemm.dgemm(true, true, 3, 3, 1, new double[3], 0, new double[3], 0, new double[8], 0, one));
        assertThrows(NullPointerException.class, () -> Gemm.sgemm(false, false, 1, 1, 1, null, 0, x, 0, x, 0, one));
    }

    @Test
    void fallsBackWhenTheModuleIsAbsent() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) assertFalse(Gemm.vectorized());
    }
}
