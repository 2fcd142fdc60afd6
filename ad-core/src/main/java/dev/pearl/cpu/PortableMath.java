package dev.pearl.cpu;

/**
 * exp, log and log1p built only from operations IEEE 754 rounds exactly (+, −, ×, ÷, fused
 * multiply-add, bit moves), within about 2 ulp of {@link Math}'s. Because every step is exactly
 * rounded, {@link VectorMath} computes bit-for-bit the same values lane by lane, whether C2 has
 * compiled the loop or not; the transcendental ops therefore give the same results on every JVM,
 * with or without the Vector API. The scalar forms here serve the tails of vector loops and the
 * plain-Java fallback.
 *
 * <p>exp: x = k·ln2 + r with |r| <= ln2/2 (Cody-Waite, two-part ln2), e^r by its Taylor series to
 * r^13 (truncation below 5e-18), then 2^k applied as two powers of two so that subnormal results
 * round once more at most. log: x = 2^e·m with m in [√½, √2), s = (m−1)/(m+1),
 * log m = 2·atanh(s) = 2s(1 + s²/3 + s⁴/5 + …) to s^19 (truncation below 3e-17 relative).
 * tanh: tanh|x| = −m/(2 + m) with m = e^u − 1, u = −2|x|, where e^u − 1 = 2^k(e^r − 1) + 2^k − 1 and
 * e^r − 1 is the same Taylor polynomial without its last "+1", so small |x| loses nothing to
 * cancellation; the sign of x is copied onto the result.
 */
final class PortableMath {
    static final double LN2_HI = 6.93147180369123816490e-01;  // ln 2 rounded to 32 significant bits: k·LN2_HI is exact
    static final double LN2_LO = 1.90821492927058770002e-10;  // ln 2 − LN2_HI
    static final double LOG2_E = 1.4426950408889634;
    /** Adding then subtracting 1.5·2^52 rounds a double below 2^51 to the nearest integer. */
    static final double ROUNDER = 6755399441055744.0;
    static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** e^x overflows above this and is 0 below the other; clamping keeps k within two exponents. */
    static final double EXP_HIGH = 710, EXP_LOW = -746;
    static final double SQRT2 = 1.4142135623730951;
    static final long EXPONENT_MASK = 0x7ff0000000000000L, MANTISSA_MASK = 0x000fffffffffffffL, ONE_BITS = 0x3ff0000000000000L;
    static final double TWO_54 = 18014398509481984.0;
    /** tanh's u = −2|x| is clamped here: e^−40 is below half an ulp of 1, so tanh is 1 already. */
    static final double TANH_U_LOW = -40;
    static final long SIGN_BIT = 0x8000000000000000L;

    /** 1/k! for k = 13 down to 2, for Horner's rule. */
    static final double[] EXP_TAYLOR = {
            1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0,
            1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5};
    /** 1/(2j+1) for j = 9 down to 1. */
    static final double[] ATANH_SERIES = {1.0 / 19, 1.0 / 17, 1.0 / 15, 1.0 / 13, 1.0 / 11, 1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3};

    private PortableMath() {
    }

    static double exp(double x) {
        double c = Math.min(Math.max(x, EXP_LOW), EXP_HIGH);  // NaN stays NaN
        double kd = nearestMultipleOfLn2(c);
        double r = reduce(c, kd);
        double p = Math.fma(expm1OverR(r), r, 1.0);
        // k = k1 + k2 with k1 = round(k/2), found by the same rounding trick (AVX2 has no 64-bit arithmetic shift).
        long k = (long) kd;
        long k1 = Double.doubleToRawLongBits(Math.fma(kd, 0.5, ROUNDER)) - ROUNDER_BITS, k2 = k - k1;
        return p * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k2 + 1023) << 52);
    }

    /** k = round(c/ln 2), as a double (exact: |c| is clamped well below 2^51·ln 2). */
    private static double nearestMultipleOfLn2(double c) {
        return Math.fma(c, LOG2_E, ROUNDER) - ROUNDER;
    }

    /** r = c − k·ln 2 in two exactly rounded steps (Cody-Waite). */
    private static double reduce(double c, double kd) {
        return Math.fma(-kd, LN2_LO, Math.fma(-kd, LN2_HI, c));
    }

    /** q = (e^r − 1)/r by the Taylor series, so that e^r = 1 + r·q without cancellation near 0. */
    private static double expm1OverR(double r) {
        double p = EXP_TAYLOR[0];
        for (int i = 1; i < EXP_TAYLOR.length; i++) p = Math.fma(p, r, EXP_TAYLOR[i]);
        return Math.fma(p, r, 1.0);
    }

    static double log(double x) {
        boolean subnormal = x < Double.MIN_NORMAL;
        double y = subnormal ? x * TWO_54 : x;
        long bits = Double.doubleToRawLongBits(y);
        long e = ((bits & EXPONENT_MASK) >>> 52) - 1023 - (subnormal ? 54 : 0);
        double m = Double.longBitsToDouble((bits & MANTISSA_MASK) | ONE_BITS);
        boolean high = m > SQRT2;
        m = high ? m * 0.5 : m;
        double ed = high ? e + 1 : e;
        double f = m - 1.0;
        double s = f / (m + 1.0);
        double s2 = s * s;
        double q = ATANH_SERIES[0];
        for (int i = 1; i < ATANH_SERIES.length; i++) q = Math.fma(q, s2, ATANH_SERIES[i]);
        double twoS = 2 * s;
        double logM = Math.fma(twoS * s2, q, twoS);
        double result = Math.fma(ed, LN2_HI, Math.fma(ed, LN2_LO, logM));
        return special(x, result);
    }

    /** log at 0, negatives, +∞ and NaN, where the reduction above does not apply. */
    private static double special(double x, double result) {
        if (x == 0) return Double.NEGATIVE_INFINITY;
        if (x < 0 || x != x) return Double.NaN;
        return x == Double.POSITIVE_INFINITY ? x : result;
    }

    /** log(1 + x) = log(u)·x/(u − 1) with u = 1 + x: the quotient cancels u's rounding (Goldberg 1991). */
    static double log1p(double x) {
        double u = 1.0 + x;
        double viaU = log(u) * (x / (u - 1.0));
        return u == 1.0 || x == Double.POSITIVE_INFINITY ? x : viaU;
    }

    static double tanh(double x) {
        double u = Math.max(-2 * Math.abs(x), TANH_U_LOW);  // NaN stays NaN
        double kd = nearestMultipleOfLn2(u);
        double r = reduce(u, kd);
        double scale = Double.longBitsToDouble(((long) kd + 1023) << 52);  // 2^k, k in [-58, 0]
        double m = Math.fma(scale, expm1OverR(r) * r, scale - 1.0);  // e^u − 1
        double magnitude = Math.abs(-m / (2.0 + m));  // abs: m = 0 gives -0.0
        return Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude) | (Double.doubleToRawLongBits(x) & SIGN_BIT));
    }

    static double sigmoid(double x) {
        // e^−|x| never overflows; the two forms agree at 0.
        double e = exp(-Math.abs(x));
        double d = 1.0 + e;
        return x >= 0 ? 1.0 / d : e / d;
    }

    static double softplus(double x) {
        // log(1 + e^x) = max(x, 0) + log1p(e^−|x|): no overflow, exact for large |x|.
        return Math.max(x, 0) + log1p(exp(-Math.abs(x)));
    }
}
