package dev.pearl.cpu;

import dev.pearl.cpu.gemm.Gemm;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** PortableMath against java.lang.Math, and its vector form against its scalar form bit for bit. */
class PortableMathTest {
    private static final Double[] SPECIALS = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-20, -1e-20,
            0.5, 0.7071067811865476, 1.4142135623730951, 2.0, 709.7, 709.8, 710.0, -708.4, -744.4, -745.2, -746.0, 1e300,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    /** |a − b| measured in units in the last place of b (exact agreement, both NaN or equal infinities give 0). */
    private static double ulps(double a, double b) {
        if (Double.compare(a, b) == 0 || a == b) return 0;
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) return Double.POSITIVE_INFINITY;
        return Math.abs(a - b) / Math.ulp(b);
    }

    private static void assertWithinUlps(double expected, double actual, double ulps, String what) {
        assertTrue(ulps(actual, expected) <= ulps, what + ": got " + actual + ", Math gives " + expected + " (" + ulps(actual, expected) + " ulp)");
    }

    @Provide
    Arbitrary<Double> expArguments() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-745, 710).ofScale(8), Arbitraries.doubles().between(-2, 2).ofScale(16),
                Arbitraries.of(SPECIALS));
    }

    @Provide
    Arbitrary<Double> positives() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0.5, 2).ofScale(16),
                Arbitraries.longs().between(1, 0x7fefffffffffffffL).map(Double::longBitsToDouble), Arbitraries.of(SPECIALS));
    }

    @Provide
    Arbitrary<Double> log1pArguments() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1, 10).ofScale(14), Arbitraries.doubles().between(-1e-6, 1e-6).ofScale(22),
                Arbitraries.of(SPECIALS));
    }

    @Property(tries = 2000)
    void expIsWithinTwoUlpsOfMath(@ForAll("expArguments") double x) {
        // Subnormal results keep fewer bits, so compare them absolutely.
        double expected = Math.exp(x), actual = PortableMath.exp(x);
        if (expected < Double.MIN_NORMAL && expected > 0) assertEquals(expected, actual, 2 * Double.MIN_VALUE, "exp(" + x + ")");
        else assertWithinUlps(expected, actual, 2, "exp(" + x + ")");
    }

    @Property(tries = 2000)
    void logIsWithinTwoUlpsOfMath(@ForAll("positives") double x) {
        assertWithinUlps(Math.log(x), PortableMath.log(x), 2, "log(" + x + ")");
    }

    @Property(tries = 2000)
    void log1pIsWithinThreeUlpsOfMath(@ForAll("log1pArguments") double x) {
        assertWithinUlps(Math.log1p(x), PortableMath.log1p(x), 3, "log1p(" + x + ")");
    }

    @Provide
    Arbitrary<Double> tanhArguments() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-25, 25).ofScale(12), Arbitraries.doubles().between(-0.2, 0.2).ofScale(18),
                Arbitraries.doubles().between(-1e-8, 1e-8).ofScale(24), Arbitraries.of(SPECIALS));
    }

    @Property(tries = 3000)
    void tanhIsWithinThreeUlpsOfMath(@ForAll("tanhArguments") double x) {
        assertWithinUlps(Math.tanh(x), PortableMath.tanh(x), 3, "tanh(" + x + ")");
    }

    @Test
    void tanhKeepsTheSignOfZeroAndSaturates() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(PortableMath.tanh(-0.0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(PortableMath.tanh(0.0)));
        assertEquals(1.0, PortableMath.tanh(20));
        assertEquals(-1.0, PortableMath.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, PortableMath.tanh(Double.MAX_VALUE));
        assertTrue(Double.isNaN(PortableMath.tanh(Double.NaN)));
        assertEquals(Double.MIN_VALUE, PortableMath.tanh(Double.MIN_VALUE));
    }

    @Test
    void specialValuesFollowMath() {
        for (double x : SPECIALS) {
            if (Double.isNaN(Math.log(x)) || Double.isInfinite(Math.log(x))) assertEquals(Math.log(x), PortableMath.log(x), "log(" + x + ")");
            if (Double.isNaN(Math.log1p(x)) || Double.isInfinite(Math.log1p(x))) assertEquals(Math.log1p(x), PortableMath.log1p(x), "log1p(" + x + ")");
            double e = Math.exp(x);
            if (Double.isNaN(e) || Double.isInfinite(e) || e == 0) assertEquals(e, PortableMath.exp(x), "exp(" + x + ")");
        }
    }

    @Property(tries = 1000)
    void sigmoidAndSoftplusMatchTheirDefinitions(@ForAll("expArguments") double x) {
        double sigmoid = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        double softplus = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        assertWithinUlps(sigmoid, PortableMath.sigmoid(x), 4, "sigmoid(" + x + ")");
        assertWithinUlps(softplus, PortableMath.softplus(x), 4, "softplus(" + x + ")");
    }

    /**
     * The property that makes results independent of JIT timing: every vector lane equals the
     * scalar function, for any offset and length (so the scalar tail agrees with the lanes too).
     */
    @Property(tries = 300)
    void vectorLanesEqualTheScalarFunctionBitForBit(@ForAll("expArguments") double a, @ForAll("positives") double b,
                                                      @ForAll("log1pArguments") double c) {
        assumeTrue(Gemm.vectorized(), "Vector API not available");
        double[] x = {a, b, c, -a, a * 0.5, b * 3, -c, a - 1, Double.NaN, b, c + 1e-9, -b, a, 0.25, c * c, -0.0, b / 7};
        for (UnaryKernel op : new UnaryKernel[]{UnaryKernel.EXP, UnaryKernel.LOG, UnaryKernel.LOG1P, UnaryKernel.TANH, UnaryKernel.SIGMOID, UnaryKernel.SOFTPLUS}) {
            DoubleUnaryOperator scalar = scalarOf(op);
            for (int offset = 0; offset < 3; offset++) {
                int n = x.length - offset;
                double[] y = new double[n];
                // Repeat so that C2 compiles the loop mid-way; every pass must agree.
                for (int pass = 0; pass < 3; pass++) {
                    VectorMath.unary(op, 0, x, offset, y, 0, n);
                    for (int i = 0; i < n; i++) {
                        double want = scalar.applyAsDouble(x[offset + i]);
                        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(y[i]),
                                op + "(" + x[offset + i] + "): lane gives " + y[i] + ", scalar " + want);
                    }
                }
            }
        }
    }

    private static DoubleUnaryOperator scalarOf(UnaryKernel op) {
        switch (op) {
            case EXP: return PortableMath::exp;
            case LOG: return PortableMath::log;
            case LOG1P: return PortableMath::log1p;
            case TANH: return PortableMath::tanh;
            case SIGMOID: return PortableMath::sigmoid;
            case SOFTPLUS: return PortableMath::softplus;
            default: throw new IllegalArgumentException(op.toString());
        }
    }
}
