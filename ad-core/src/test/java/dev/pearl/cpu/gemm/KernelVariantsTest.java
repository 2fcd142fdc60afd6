package dev.pearl.cpu.gemm;

import dev.pearl.cpu.gemm.ReferenceCheck.Impl;
import dev.pearl.cpu.gemm.ReferenceCheck.Path;
import dev.pearl.cpu.parallel.ThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static dev.pearl.cpu.gemm.ReferenceCheck.check;
import static dev.pearl.cpu.gemm.ReferenceCheck.engines;
import static dev.pearl.cpu.gemm.ReferenceCheck.packed;
import static dev.pearl.cpu.gemm.ReferenceCheck.path;
import static dev.pearl.cpu.gemm.ReferenceCheck.randomShapes;
import static dev.pearl.cpu.gemm.ReferenceCheck.tinyBlocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every micro-kernel variant, not only the one this JVM picked: each generated Vector API shape
 * (8x3 for 32 registers, 6x2 for AVX2's 16, and the others) and the scalar fallback, in float
 * and double, against the float64 reference of {@link ReferenceCheck}. Each runs through the
 * packed driver with the block sizes a machine would give it and with tiny blocks, on edge tiles
 * (m and n below, at and past the tile; k past KC) and all four transpose combinations, and
 * through a full two-thread engine. ad-core's build runs this class a second
 * time under -XX:UseAVX=2, where the same shapes run on 256-bit vectors.
 */
class KernelVariantsTest {
    private static final ThreadPool two = new ThreadPool(2);

    static Stream<String> generatedShapes() {
        return Arrays.stream(GeneratedKernels.SHAPES).map(s -> s[0] + "x" + s[1]);
    }

    @ParameterizedTest(name = "{0} vectors")
    @MethodSource("generatedShapes")
    void vectorKernelMatchesReference(String rowsByVectors) {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        KernelShape shape = KernelShape.parse(rowsByVectors);
        MicroKernel<float[]> fk = VectorKernels.floats(shape);
        MicroKernel<double[]> dk = VectorKernels.doubles(shape);
        assertEquals(shape.rows, fk.mr);
        assertEquals(shape.vectors * VectorKernels.lanes(4), fk.nr);
        assertEquals(shape.vectors * VectorKernels.lanes(8), dk.nr);
        Blocking fb = Blocking.forKernel(CacheSizes.DEFAULT, 4, fk.mr, fk.nr), db = Blocking.forKernel(CacheSizes.DEFAULT, 8, dk.mr, dk.nr);
        edgeTiles(packed(fk, fb, dk, db), fk.mr, fk.nr, fb.kc, 11);
        edgeTiles(packed(fk, fb, dk, db), dk.mr, dk.nr, db.kc, 12);
        randomShapes(tinyBlocks(fk, dk), 13, 40, 70);
        threaded(engines(KernelChoice.vector(VectorHardware.detect(), shape, CacheSizes.DEFAULT, key -> null), two));
    }

    @Test
    void dotKernelMatchesReference() {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        KernelShape shape = KernelShape.parse("8x3");
        DotKernel<float[]> fd = VectorKernels.floatDots(VectorKernels.floats(shape));
        DotKernel<double[]> dd = VectorKernels.doubleDots(VectorKernels.doubles(shape));
        Impl dots = path(new Path() {
            @SuppressWarnings("unchecked")
            public <A> void run(ArrayOps<A> ops, View<A> a, View<A> b, int m, int n, int k, A c, int co) {
                DotKernel<A> d = (DotKernel<A>) (ops == FloatArrays.INSTANCE ? fd : dd);
                d.run(k, a.data, a.off, a.rs, b.data, b.off, b.rs, c, co, n, 0, m, 0, n);
            }
        });
        Random r = new Random(14);
        // odd rows, columns past the 2 x 4 blocks, k below and past a vector and past the kernel's slice
        for (int m : new int[] {1, 2, 3, 6})
            for (int n : new int[] {1, 4, 5, 11})
                for (int k : new int[] {0, 1, 7, 33, 2500})
                    check(dots, r, false, true, m, n, k);
    }

    /**
     * The dot kernel's bits do not depend on the JIT: every call, early or compiled, equals a scalar
     * model of its order (lane l one fused multiply-add chain over the p = l mod L below k's last
     * whole vector, across the kernel's slices of k; the lanes added in lane order; then the
     * remaining products). Data spanning 30 binades makes any other order show; k spans several
     * slices and ends in a partial vector. float and double.
     */
    @Test
    void dotKernelAddsInOneOrderEarlyAndCompiled() {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        KernelShape shape = KernelShape.parse("8x3");
        DotKernel<double[]> doubles = VectorKernels.doubleDots(VectorKernels.doubles(shape));
        DotKernel<float[]> floats = VectorKernels.floatDots(VectorKernels.floats(shape));
        int m = 3, n = 5, k = 2 * DoubleDotKernel.KC + 3 * FloatDotKernel.KC / 2 + 5;
        Random r = new Random(15);
        double[] a = new double[m * k], b = new double[n * k];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian() * Math.scalb(1.0, r.nextInt(30));
        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
        float[] af = new float[a.length], bf = new float[b.length];
        for (int i = 0; i < a.length; i++) af[i] = (float) a[i];
        for (int i = 0; i < b.length; i++) bf[i] = (float) b[i];
        double[] expected = doubleModel(a, b, m, n, k, VectorKernels.lanes(8));
        float[] expectedFloat = floatModel(af, bf, m, n, k, VectorKernels.lanes(4));
        for (int call = 0; call < 20_000; call++) { // enough calls for C2 to compile the kernels
            double[] c = new double[m * n];
            doubles.run(k, a, 0, k, b, 0, k, c, 0, n, 0, m, 0, n);
            if (!Arrays.equals(expected, c))
                throw new AssertionError("double, call " + call + ": " + Arrays.toString(c) + " instead of " + Arrays.toString(expected));
            float[] cf = new float[m * n];
            floats.run(k, af, 0, k, bf, 0, k, cf, 0, n, 0, m, 0, n);
            if (!Arrays.equals(expectedFloat, cf))
                throw new AssertionError("float, call " + call + ": " + Arrays.toString(cf) + " instead of " + Arrays.toString(expectedFloat));
        }
    }

    private static double[] doubleModel(double[] a, double[] b, int m, int n, int k, int lanes) {
        double[] c = new double[m * n];
        int vectorK = k / lanes * lanes;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double[] lane = new double[lanes];
                for (int p = 0; p < vectorK; p++) lane[p % lanes] = Math.fma(a[i * k + p], b[j * k + p], lane[p % lanes]);
                double t = 0;
                for (double l : lane) t += l;
                for (int p = vectorK; p < k; p++) t += a[i * k + p] * b[j * k + p];
                c[i * n + j] = t;
            }
        return c;
    }

    private static float[] floatModel(float[] a, float[] b, int m, int n, int k, int lanes) {
        float[] c = new float[m * n];
        int vectorK = k / lanes * lanes;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                float[] lane = new float[lanes];
                for (int p = 0; p < vectorK; p++) lane[p % lanes] = Math.fma(a[i * k + p], b[j * k + p], lane[p % lanes]);
                float t = 0;
                for (float l : lane) t += l;
                for (int p = vectorK; p < k; p++) t += a[i * k + p] * b[j * k + p];
                c[i * n + j] = t;
            }
        return c;
    }

    @Test
    void scalarKernelMatchesReference() {
        KernelChoice scalar = KernelChoice.scalar("test", key -> null);
        MicroKernel<float[]> fk = new ScalarKernel<>(FloatArrays.INSTANCE, 24, 1);
        MicroKernel<double[]> dk = new ScalarKernel<>(DoubleArrays.INSTANCE, 16, 1);
        Blocking blocks = new Blocking(16, 40, 64);
        edgeTiles(packed(fk, blocks, dk, blocks), fk.mr, fk.nr, blocks.kc, 21);
        edgeTiles(packed(fk, blocks, dk, blocks), dk.mr, dk.nr, blocks.kc, 22);
        randomShapes(tinyBlocks(fk, dk), 23, 40, 70);
        threaded(engines(scalar, two));
    }

    /** m and n below, at and past the tile, k within one slice and one past KC, every transpose combination. */
    private static void edgeTiles(Impl impl, int mr, int nr, int kc, long seed) {
        Random r = new Random(seed);
        int[] ms = {mr - 1, mr, 2 * mr + 3}, ns = {nr - 1, nr + 1, 2 * nr + 5}, ks = {7, kc + 1};
        for (int m : ms)
            for (int n : ns)
                for (int k : ks)
                    for (int t = 0; t < 4; t++)
                        if (m > 0 && n > 0) check(impl, r, (t & 1) != 0, (t & 2) != 0, m, n, k);
    }

    /** Sizes the engine splits over two threads, by rows and by columns, with several k slices. */
    private static void threaded(Impl impl) {
        Random r = new Random(31);
        for (boolean t : new boolean[] {false, true}) {
            check(impl, r, t, t, 201, 203, 900);
            check(impl, r, t, !t, 17, 1000, 300);
        }
    }

    @Test
    void everyPreferredShapeIsGenerated() {
        for (KernelShape s : KernelShape.PREFERRED)
            assertTrue(generatedShapes().anyMatch(s.toString()::equals), s + " is preferred but not generated");
    }

    @Test
    void pickedKernelFitsThisJvmsRegisterFile() {
        KernelChoice picked = Gemm.choice();
        assumeTrue(picked.vector && System.getProperty("pearl.gemm.kernel") == null, "scalar path, or a kernel forced by property");
        assertTrue(picked.shape.registers() <= picked.hardware.registers, picked.description);
        String useAvx = HotSpotFlags.value("UseAVX");
        if (useAvx != null) { // x86 HotSpot: the flag decides the register file, whatever the width
            int level = Integer.parseInt(useAvx);
            assertEquals(level >= 3 ? 32 : 16, picked.hardware.registers, picked.description);
            if (level == 2) assertTrue(picked.description.startsWith("avx2 "), picked.description);
        }
    }
}
