package dev.pearl.cpu.gemm;

import dev.pearl.cpu.gemm.ReferenceCheck.Impl;
import dev.pearl.cpu.gemm.ReferenceCheck.Path;
import dev.pearl.cpu.parallel.ThreadPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.pearl.cpu.gemm.ReferenceCheck.check;
import static dev.pearl.cpu.gemm.ReferenceCheck.engines;
import static dev.pearl.cpu.gemm.ReferenceCheck.path;
import static dev.pearl.cpu.gemm.ReferenceCheck.publicApi;
import static dev.pearl.cpu.gemm.ReferenceCheck.randomShapes;
import static dev.pearl.cpu.gemm.ReferenceCheck.tinyBlocks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Checks the public GEMM and each of its paths (packed, unpacked, threaded, concurrent callers)
 * against the double-precision reference of {@link ReferenceCheck}. Every kernel variant is
 * checked on its own in {@link KernelVariantsTest}.
 */
class GemmTest {
    // Shared by the Jupiter tests and the jqwik property (which has its own lifecycle); the
    // pool's workers are daemon threads, so leaving them open is harmless.
    private static final ThreadPool one = new ThreadPool(1), two = new ThreadPool(2);

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
    void oneTileWithLongKIsSlicedAlongKAndAgreesWithReference() {
        Random r = new Random(11);
        int k = 2 * Engine.K_SLICE + 357; // three slices, the last one short
        for (boolean t : new boolean[] {false, true}) {
            check(publicApi(two), r, false, t, 6, 25, k); // a convolution's weight gradient: dy · colsᵀ
            check(publicApi(one), r, t, t, 5, 3, k);
        }
    }

    @Test
    void kSlicedProductIsTheSameOnOneAndTwoThreads() {
        Random r = new Random(12);
        int m = 6, n = 25, k = 3 * Engine.K_SLICE;
        float[] a = new float[m * k], b = new float[n * k];
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() - 0.5f;
        float[] c1 = new float[m * n], c2 = new float[m * n];
        Gemm.sgemm(false, true, m, n, k, a, 0, b, 0, c1, 0, one);
        Gemm.sgemm(false, true, m, n, k, a, 0, b, 0, c2, 0, two);
        assertArrayEquals(c1, c2, "slices are fixed by k, not by the thread count");
    }

    @Test
    void scalarFallbackEngine() {
        // The path used when jdk.incubator.vector is absent; testable even when it is present.
        KernelChoice scalar = KernelChoice.scalar("test", key -> null);
        Impl scalar1 = engines(scalar, one);
        Impl scalar2 = engines(scalar, two);
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
