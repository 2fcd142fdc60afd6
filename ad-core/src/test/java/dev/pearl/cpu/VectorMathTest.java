package dev.pearl.cpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.cpu.gemm.Gemm;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The vectorised arithmetic, cheap unary ops and float/double conversions agree bit for bit with
 * the scalar loops (ElementMath's), at every offset and length, special values included, so a
 * result never depends on whether the Vector API is present or when C2 compiled a loop.
 */
class VectorMathTest {
    private static final Double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1e-310, 3.0e38, -7.5e-46};

    @Provide
    Arbitrary<List<Double>> values() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.of(SPECIAL))
                .list().ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 150)
    void binaryLanesEqualScalarLoops(@ForAll("values") List<Double> a, @ForAll("values") List<Double> b,
                                     @ForAll @IntRange(max = 5) int offset) {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        int n = Math.min(a.size(), b.size());
        double[] x = padded(a, offset), y = padded(b, 0);
        for (BinaryOp op : BinaryOp.values()) {
            if (!VectorMath.handles(op)) continue;
            double[] want = new double[n], got = new double[n + 1];
            ElementMath.scalarBinary(op, x, offset, y, 0, want, 0, n);
            VectorMath.binary(op, x, offset, y, 0, got, 1, n);
            for (int i = 0; i < n; i++)
                assertBitsEqual(want[i], got[i + 1], op + "(" + x[offset + i] + ", " + y[i] + ")");
        }
    }

    @Property(tries = 150)
    void unaryLanesEqualScalarLoops(@ForAll("values") List<Double> a, @ForAll @IntRange(max = 5) int offset,
                                    @ForAll("values") @Size(min = 1, max = 1) List<Double> param) {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        int n = a.size();
        double[] x = padded(a, offset);
        double p = param.get(0);
        for (UnaryKernel op : UnaryKernel.values()) {
            if (!VectorMath.handles(op)) continue;
            double[] want = new double[n], got = new double[n];
            ElementMath.scalarUnary(op, p, x, offset, want, 0, n);
            VectorMath.unary(op, p, x, offset, got, 0, n);
            for (int i = 0; i < n; i++)
                assertBitsEqual(want[i], got[i], op + "(" + x[offset + i] + ", param " + p + ")");
        }
    }

    @Property(tries = 100)
    void widenAndNarrowEqualCasts(@ForAll("values") List<Double> a, @ForAll @IntRange(max = 5) int offset) {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        int n = a.size();
        float[] f = new float[offset + n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) f[offset + i] = (float) (double) a.get(i);
        VectorMath.widen(f, offset, d, n);
        for (int i = 0; i < n; i++) assertBitsEqual(f[offset + i], d[i], "widen " + f[offset + i]);
        double[] src = padded(a, 0);
        float[] back = new float[offset + n];
        VectorMath.narrow(src, back, offset, n);
        for (int i = 0; i < n; i++)
            assertEquals(Float.floatToIntBits((float) src[i]), Float.floatToIntBits(back[offset + i]), "narrow " + src[i]);
    }

    @Property(tries = 100)
    void floatInDoubleEqualsTheDoubleLoopRoundedOnce(@ForAll("values") List<Double> a, @ForAll("values") List<Double> b,
                                                     @ForAll @IntRange(max = 5) int offset) {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        int n = Math.min(a.size(), b.size());
        float[] x = new float[offset + n], z = new float[n];
        double[] xd = new double[n], zd = new double[n], want = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = x[offset + i] = (float) (double) a.get(i);
            zd[i] = z[i] = (float) (double) b.get(i);
        }
        for (BinaryOp op : BinaryOp.values()) {
            if (!VectorMath.handlesFloatInDouble(op)) continue;
            float[] got = new float[n + 1];
            VectorMath.floatInDouble(op, x, offset, z, 0, got, 1, n);
            ElementMath.scalarBinary(op, xd, 0, zd, 0, want, 0, n);
            for (int i = 0; i < n; i++)
                assertEquals(Float.floatToIntBits((float) want[i]), Float.floatToIntBits(got[i + 1]), op + "(" + x[offset + i] + ", " + z[i] + ")");
        }
    }

    private static double[] padded(List<Double> values, int offset) {
        double[] out = new double[offset + values.size()];
        for (int i = 0; i < values.size(); i++) out[offset + i] = values.get(i);
        return out;
    }

    private static void assertBitsEqual(double want, double got, String what) {
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), what + ": lanes give " + got + ", scalar " + want);
    }
}
