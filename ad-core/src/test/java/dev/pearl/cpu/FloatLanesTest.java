package dev.pearl.cpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.prim.UnaryOp;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * float32 operands of the exact ops run in float lanes (FloatLanes) without the widening to double;
 * each result must equal the double kernel's result rounded to float, bit for bit (NaNs compared as
 * NaN), for random bit patterns and special values: NaN, ±0, ±inf, subnormals, the largest floats.
 */
class FloatLanesTest {
    private static final Float[] SPECIAL = {0f, -0f, 1f, -1f, 0.5f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            -Float.MAX_VALUE, 1e-40f, -3e-39f, 3.4e38f, 16777217f, 1.0000001f};

    @Provide
    Arbitrary<List<Float>> values() {
        Arbitrary<Float> anyBits = Arbitraries.integers().map(Float::intBitsToFloat);
        return Arbitraries.oneOf(anyBits, Arbitraries.floats().between(-1e3f, 1e3f), Arbitraries.of(SPECIAL))
                .list().ofMinSize(0).ofMaxSize(70);
    }

    @Provide
    Arbitrary<Double> params() {
        // floats (the lanes apply) and doubles that are no float (the lanes must decline)
        return Arbitraries.oneOf(Arbitraries.floats().between(-10f, 10f).map(f -> (double) f), Arbitraries.of(SPECIAL).map(f -> (double) f),
                Arbitraries.doubles().between(-10, 10), Arbitraries.of(0.1, 1e-300, Double.MAX_VALUE));
    }

    @Property(tries = 200)
    void binaryFloatLanesEqualDoubleKernelRounded(@ForAll("values") List<Float> a, @ForAll("values") List<Float> b,
                                                  @ForAll @IntRange(max = 17) int offset) {
        assumeTrue(ElementMath.floatLanes(BinaryOp.ADD), "float lanes not in use (no Vector API)");
        int n = Math.min(a.size(), b.size());
        float[] x = padded(a, offset), z = padded(b, 0);
        for (BinaryOp op : BinaryOp.values()) {
            if (!ElementMath.floatLanes(op)) continue;
            float[] got = new float[n + 3];
            FloatLanes.binary(op, x, offset, z, 0, got, 3, n);
            double[] want = new double[n];
            ElementMath.scalarBinary(op, widened(x, offset, n), 0, widened(z, 0, n), 0, want, 0, n);
            for (int i = 0; i < n; i++)
                assertSameFloat((float) want[i], got[i + 3], op + "(" + x[offset + i] + ", " + z[i] + ")");
        }
    }

    @Property(tries = 200)
    void unaryFloatLanesEqualDoubleKernelRounded(@ForAll("values") List<Float> a, @ForAll @IntRange(max = 17) int offset,
                                                 @ForAll("params") double p) {
        assumeTrue(ElementMath.floatLanes(UnaryKernel.NEG, 0), "float lanes not in use (no Vector API)");
        int n = a.size();
        float[] x = padded(a, offset);
        for (UnaryKernel op : UnaryKernel.values()) {
            if (!ElementMath.floatLanes(op, p)) continue;
            float[] got = new float[n];
            FloatLanes.unary(op, (float) p, x, offset, got, 0, n);
            double[] want = new double[n];
            ElementMath.scalarUnary(op, p, widened(x, offset, n), 0, want, 0, n);
            for (int i = 0; i < n; i++)
                assertSameFloat((float) want[i], got[i], op + "(" + x[offset + i] + ", param " + p + ")");
        }
    }

    @Test
    void lanesDeclineWhatIsNotExactInFloat() {
        assumeTrue(ElementMath.floatLanes(UnaryKernel.NEG, 0), "float lanes not in use (no Vector API)");
        assertTrue(ElementMath.floatLanes(UnaryKernel.SCALE, 0.5));
        assertFalse(ElementMath.floatLanes(UnaryKernel.SCALE, 0.1), "0.1 is no float: p·x rounds differently");
        assertFalse(ElementMath.floatLanes(UnaryKernel.ADD_SCALAR, 1e-300));
        assertFalse(ElementMath.floatLanes(UnaryKernel.SCALE, Double.NaN));
        for (UnaryKernel op : List.of(UnaryKernel.EXP, UnaryKernel.LOG, UnaryKernel.TANH, UnaryKernel.SIGMOID, UnaryKernel.LOGISTIC_SLOPE, UnaryKernel.TANH_SLOPE, UnaryKernel.POW))
            assertFalse(ElementMath.floatLanes(op, 2), op + " rounds more than once");
        assertTrue(ElementMath.floatLanes(BinaryOp.GT), "a comparison's 0 or 1 is exact in float");
        for (BinaryOp op : List.of(BinaryOp.MUL_LOGISTIC_SLOPE, BinaryOp.MUL_TANH_SLOPE))
            assertFalse(ElementMath.floatLanes(op), op + " rounds three times in float: it must go through double");
    }

    /**
     * Through the backend, on both threads' split (sizes above StridedEngine's parallel threshold)
     * and on broadcast operands (the chunked double path): a float32 op equals the float64 op on the
     * widened operands, rounded to float32.
     */
    @Test
    void backendFloat32OpsEqualFloat64OpsRounded() {
        CpuBackend be = new CpuBackend(2);
        SplittableRandom rng = new SplittableRandom(7);
        for (Shape[] shapes : new Shape[][]{{Shape.of(300, 211), Shape.of(300, 211)}, {Shape.of(7, 5), Shape.of(7, 5)},
                {Shape.of(300, 211), Shape.of(211)}, {Shape.of(211), Shape.of(300, 211)}}) {
            DenseTensor a = randomFloats(be, shapes[0], rng), b = randomFloats(be, shapes[1], rng);
            DenseTensor a64 = be.cast(a, DType.FLOAT64), b64 = be.cast(b, DType.FLOAT64);
            Shape out = shapes[0].size() >= shapes[1].size() ? shapes[0] : shapes[1];
            for (BinaryOp op : List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MAX, BinaryOp.MIN))
                assertSameFloats(be.toFloatArray(be.cast(be.binary(op, a64, b64, out), DType.FLOAT32)),
                        be.toFloatArray(be.binary(op, a, b, out)), op + " " + shapes[0] + ", " + shapes[1]);
            for (UnaryOp op : List.of(UnaryOp.NEG, UnaryOp.ABS, UnaryOp.SQRT, UnaryOp.SQUARE, UnaryOp.RELU, UnaryOp.SCALE, UnaryOp.ADD_SCALAR))
                for (double p : new double[]{0.75, 0.1})
                    assertSameFloats(be.toFloatArray(be.cast(be.unary(op, p, a64), DType.FLOAT32)),
                            be.toFloatArray(be.unary(op, p, a)), op + " param " + p + " " + shapes[0]);
        }
    }

    private static DenseTensor randomFloats(CpuBackend be, Shape shape, SplittableRandom rng) {
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++)
            v[i] = i % 17 == 0 ? SPECIAL[rng.nextInt(SPECIAL.length)] : i % 5 == 0 ? Float.intBitsToFloat(rng.nextInt()) : (float) rng.nextGaussian();
        return be.fromArray(v, shape, DType.FLOAT32);
    }

    private static float[] padded(List<Float> values, int offset) {
        float[] out = new float[offset + values.size()];
        for (int i = 0; i < values.size(); i++) out[offset + i] = values.get(i);
        return out;
    }

    private static double[] widened(float[] x, int offset, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = x[offset + i];
        return d;
    }

    private static void assertSameFloats(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) assertSameFloat(want[i], got[i], what + " at " + i);
    }

    private static void assertSameFloat(float want, float got, String what) {
        assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got), what + ": float lanes give " + got + ", double kernel " + want);
    }
}
