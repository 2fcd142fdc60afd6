package dev.pearl.cpu.gemm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 8 x (3 vectors) double micro-kernel: 24 accumulators held in registers, one broadcast of A and
 * three loads of B per k-step (the shape measured fastest here, see CPU-GEMM-NOTES). Loaded only
 * when jdk.incubator.vector is present. Mirror of FloatVectorKernel.
 */
final class DoubleVectorKernel extends MicroKernel<double[]> {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    DoubleVectorKernel() {
        super(8, 3 * L, 4.0 * L); // whole GEMMs ran ~5 lanes of multiply-add per ns here
    }

    @Override
    void compute(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean acc) {
        int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc, r6 = r5 + ldc, r7 = r6 + ldc;
        // Accumulators start from C (acc) or zero. Kept as plain locals with no helper methods:
        // passing vectors to a non-inlined call boxes them, which costs ~15x here.
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z, c22 = z;
        DoubleVector c30 = z, c31 = z, c32 = z, c40 = z, c41 = z, c42 = z, c50 = z, c51 = z, c52 = z;
        DoubleVector c60 = z, c61 = z, c62 = z, c70 = z, c71 = z, c72 = z;
        if (acc) {
            c00 = ld(c, co); c01 = ld(c, co + L); c02 = ld(c, co + 2 * L);
            c10 = ld(c, r1); c11 = ld(c, r1 + L); c12 = ld(c, r1 + 2 * L);
            c20 = ld(c, r2); c21 = ld(c, r2 + L); c22 = ld(c, r2 + 2 * L);
            c30 = ld(c, r3); c31 = ld(c, r3 + L); c32 = ld(c, r3 + 2 * L);
            c40 = ld(c, r4); c41 = ld(c, r4 + L); c42 = ld(c, r4 + 2 * L);
            c50 = ld(c, r5); c51 = ld(c, r5 + L); c52 = ld(c, r5 + 2 * L);
            c60 = ld(c, r6); c61 = ld(c, r6 + L); c62 = ld(c, r6 + 2 * L);
            c70 = ld(c, r7); c71 = ld(c, r7 + L); c72 = ld(c, r7 + 2 * L);
        }
        for (int p = 0; p < kc; p++, ao += 8, bo += 3 * L) {
            DoubleVector b0 = ld(b, bo), b1 = ld(b, bo + L), b2 = ld(b, bo + 2 * L);
            DoubleVector x;
            x = DoubleVector.broadcast(S, a[ao]);     c00 = b0.fma(x, c00); c01 = b1.fma(x, c01); c02 = b2.fma(x, c02);
            x = DoubleVector.broadcast(S, a[ao + 1]); c10 = b0.fma(x, c10); c11 = b1.fma(x, c11); c12 = b2.fma(x, c12);
            x = DoubleVector.broadcast(S, a[ao + 2]); c20 = b0.fma(x, c20); c21 = b1.fma(x, c21); c22 = b2.fma(x, c22);
            x = DoubleVector.broadcast(S, a[ao + 3]); c30 = b0.fma(x, c30); c31 = b1.fma(x, c31); c32 = b2.fma(x, c32);
            x = DoubleVector.broadcast(S, a[ao + 4]); c40 = b0.fma(x, c40); c41 = b1.fma(x, c41); c42 = b2.fma(x, c42);
            x = DoubleVector.broadcast(S, a[ao + 5]); c50 = b0.fma(x, c50); c51 = b1.fma(x, c51); c52 = b2.fma(x, c52);
            x = DoubleVector.broadcast(S, a[ao + 6]); c60 = b0.fma(x, c60); c61 = b1.fma(x, c61); c62 = b2.fma(x, c62);
            x = DoubleVector.broadcast(S, a[ao + 7]); c70 = b0.fma(x, c70); c71 = b1.fma(x, c71); c72 = b2.fma(x, c72);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + L); c02.intoArray(c, co + 2 * L);
        c10.intoArray(c, r1); c11.intoArray(c, r1 + L); c12.intoArray(c, r1 + 2 * L);
        c20.intoArray(c, r2); c21.intoArray(c, r2 + L); c22.intoArray(c, r2 + 2 * L);
        c30.intoArray(c, r3); c31.intoArray(c, r3 + L); c32.intoArray(c, r3 + 2 * L);
        c40.intoArray(c, r4); c41.intoArray(c, r4 + L); c42.intoArray(c, r4 + 2 * L);
        c50.intoArray(c, r5); c51.intoArray(c, r5 + L); c52.intoArray(c, r5 + 2 * L);
        c60.intoArray(c, r6); c61.intoArray(c, r6 + L); c62.intoArray(c, r6 + 2 * L);
        c70.intoArray(c, r7); c71.intoArray(c, r7 + L); c72.intoArray(c, r7 + 2 * L);
    }

    /** Returns a vector (no vector arguments), so it inlines without boxing. */
    private static DoubleVector ld(double[] arr, int i) {
        return DoubleVector.fromArray(S, arr, i);
    }
}
