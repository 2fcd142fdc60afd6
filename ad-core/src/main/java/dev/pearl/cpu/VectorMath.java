package dev.pearl.cpu;

import dev.pearl.backend.BinaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static dev.pearl.cpu.PortableMath.ATANH_SERIES;
import static dev.pearl.cpu.PortableMath.EXP_TAYLOR;

/**
 * {@link ElementMath}'s hot loops on the Vector API, each lane bit-for-bit the scalar result:
 * float/double conversion of chunks, the arithmetic binary ops, the cheap unary ops, and
 * {@link PortableMath}'s exp, log, log1p, tanh, sigmoid and softplus step for step (HotSpot's own
 * EXP/LOG lanes are not exact copies: they use SIMD routines after C2 compiles a loop and Math.exp
 * before, which differ in the last bit). C2 leaves the scalar forms of these loops unvectorised
 * (offset operands that might alias, float/double conversion on JDK 17), about 5x slower.
 * Loaded only when the Vector API is usable.
 *
 * <p>Each transcendental is written once, inside its own loop: a vector helper method that C2
 * leaves out of line (too large, or already compiled on its own) boxes its vectors and runs many
 * times slower than scalar code. Sigmoid and softplus therefore run as passes over the output:
 * e^−|x| first, then the cheap rest (softplus with a log1p pass in between).
 */
final class VectorMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /**
     * Floats at S's width (twice its lanes), for conversions. Never a narrower float species: the
     * JDK's FloatVector methods are shared with the GEMM kernels, and once they have run with two
     * float vector classes C2 no longer compiles the kernels' loads, stores and fmas to SIMD
     * instructions (measured: one float32 elementwise op before the first matmul made every
     * [1000,100]x[100,100] product 30 times slower).
     */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, S.vectorShape());
    /** F's upper half: the lanes a second double vector fills when narrowing. */
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(F, -1L << S.length());
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(S, PortableMath.LN2_HI);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(S, PortableMath.LN2_LO);

    private VectorMath() {
    }

    /** True for the unary ops this class computes. */
    static boolean handles(UnaryKernel op) {
        switch (op) {
            case EXP: case LOG: case LOG1P: case TANH: case SIGMOID: case SOFTPLUS:
            case NEG: case ABS: case SQRT: case SQUARE: case SCALE: case ADD_SCALAR: case RELU:
            case LOGISTIC_SLOPE: case TANH_SLOPE:
                return true;
            default: return false;
        }
    }

    /** True for the binary ops this class computes. */
    static boolean handles(BinaryOp op) {
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case MAX: case MIN: case MUL_LOGISTIC_SLOPE: case MUL_TANH_SLOPE: return true;
            default: return false;
        }
    }

    /**
     * True when float lanes of op (FloatLanes) give the same bits as the double kernel rounded to
     * float: op is one exact IEEE operation, and SCALE's or ADD_SCALAR's parameter is a float.
     */
    static boolean exactInFloat(UnaryKernel op, double p) {
        if (!FloatLanes.handles(op)) return false;
        return op != UnaryKernel.SCALE && op != UnaryKernel.ADD_SCALAR || (float) p == p;
    }

    /** True when float lanes of op give the same bits as the double kernel rounded to float. */
    static boolean exactInFloat(BinaryOp op) {
        return FloatLanes.handles(op);
    }

    /** dst[0..n) = src[off..off+n) widened to double. */
    static void widen(float[] src, int off, double[] dst, int n) {
        int bound = F.loopBound(n), half = S.length();
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, src, off + i);
            ((DoubleVector) v.convertShape(VectorOperators.F2D, S, 0)).intoArray(dst, i);
            ((DoubleVector) v.convertShape(VectorOperators.F2D, S, 1)).intoArray(dst, i + half);
        }
        for (int i = bound; i < n; i++) dst[i] = src[off + i];
    }

    /** dst[off..off+n) = src[0..n) rounded to float. */
    static void narrow(double[] src, float[] dst, int off, int n) {
        int bound = F.loopBound(n), half = S.length();
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector lo = (FloatVector) DoubleVector.fromArray(S, src, i).convertShape(VectorOperators.D2F, F, 0);
            FloatVector hi = (FloatVector) DoubleVector.fromArray(S, src, i + half).convertShape(VectorOperators.D2F, F, -1);
            lo.blend(hi, UPPER).intoArray(dst, off + i);
        }
        for (int i = bound; i < n; i++) dst[off + i] = (float) src[i];
    }

    /** True for the binary ops {@link #floatInDouble} computes. */
    static boolean handlesFloatInDouble(BinaryOp op) {
        return op == BinaryOp.MUL_LOGISTIC_SLOPE || op == BinaryOp.MUL_TANH_SLOPE;
    }

    /**
     * A slope product on float arrays, each vector widened to double in registers, computed there
     * and rounded to float once: the same bits as widening the chunk into a double buffer, the
     * double loop and narrowing back, without the buffers' three extra passes.
     */
    static void floatInDouble(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] y, int yo, int n) {
        boolean tanh = op == BinaryOp.MUL_TANH_SLOPE;
        if (!tanh && op != BinaryOp.MUL_LOGISTIC_SLOPE) throw new IllegalArgumentException("no float-in-double lanes for " + op);
        int bound = F.loopBound(n), half = S.length();
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector fa = FloatVector.fromArray(F, a, ao + i), fb = FloatVector.fromArray(F, b, bo + i);
            DoubleVector lo = slopeProduct(tanh, (DoubleVector) fa.convertShape(VectorOperators.F2D, S, 0),
                    (DoubleVector) fb.convertShape(VectorOperators.F2D, S, 0));
            DoubleVector hi = slopeProduct(tanh, (DoubleVector) fa.convertShape(VectorOperators.F2D, S, 1),
                    (DoubleVector) fb.convertShape(VectorOperators.F2D, S, 1));
            ((FloatVector) lo.convertShape(VectorOperators.D2F, F, 0))
                    .blend((FloatVector) hi.convertShape(VectorOperators.D2F, F, -1), UPPER).intoArray(y, yo + i);
        }
        for (int i = bound; i < n; i++) {
            double g = a[ao + i], v = b[bo + i];
            y[yo + i] = (float) (tanh ? g * (1 - v * v) : g * (v * (1 - v)));
        }
    }

    /** g(1 − y²) or g · y(1 − y), in ElementMath's order of operations. */
    private static DoubleVector slopeProduct(boolean tanh, DoubleVector g, DoubleVector y) {
        return tanh ? g.mul(ONE.sub(y.mul(y))) : g.mul(y.mul(ONE.sub(y)));
    }

    /** y[yo..yo+n) = a op b elementwise; y may be a or b at the same offset. */
    static void binary(BinaryOp op, double[] a, int ao, double[] b, int bo, double[] y, int yo, int n) {
        DoubleLanes.binary(op, a, ao, b, bo, y, yo, n);
    }

    /** y[yo..yo+n) = op(x[xo..xo+n)); x and y must not overlap. */
    static void unary(UnaryKernel op, double p, double[] x, int xo, double[] y, int yo, int n) {
        switch (op) {
            case EXP: exp(x, xo, y, yo, n, false); break;
            case LOG: log(x, xo, y, yo, n, false); break;
            case LOG1P: log(x, xo, y, yo, n, true); break;
            case TANH: tanh(x, xo, y, yo, n); break;
            case SIGMOID:
                exp(x, xo, y, yo, n, true);
                sigmoidFromExp(x, xo, y, yo, n);
                break;
            case SOFTPLUS:
                exp(x, xo, y, yo, n, true);
                log(y, yo, y, yo, n, true);
                addPositivePart(x, xo, y, yo, n);
                break;
            default:
                cheapUnary(op, p, x, xo, y, yo, n);
        }
    }

    /** The unary ops that are a few exact IEEE operations per lane, one loop each (as in DoubleLanes). */
    private static void cheapUnary(UnaryKernel op, double p, double[] x, int xo, double[] y, int yo, int n) {
        if (DoubleLanes.handles(op)) {
            DoubleLanes.unary(op, p, x, xo, y, yo, n);
            return;
        }
        int bound = S.loopBound(n), step = S.length();
        switch (op) {
            case LOGISTIC_SLOPE: for (int i = 0; i < bound; i += step) { DoubleVector v = ld(x, xo + i); v.mul(ONE.sub(v)).intoArray(y, yo + i); } break;
            case TANH_SLOPE: for (int i = 0; i < bound; i += step) { DoubleVector v = ld(x, xo + i); ONE.sub(v.mul(v)).intoArray(y, yo + i); } break;
            default: throw new IllegalArgumentException("no vector kernel for " + op);
        }
        if (bound < n) ElementMath.scalarUnary(op, p, x, xo + bound, y, yo + bound, n - bound);
    }

    /** A vector of x from offset i (returns a vector and takes none, so it inlines without boxing). */
    private static DoubleVector ld(double[] x, int i) {
        return DoubleVector.fromArray(S, x, i);
    }

    /** y = e^x, or e^−|x| when {@code negAbs}. */
    private static void exp(double[] x, int xo, double[] y, int yo, int n, boolean negAbs) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            if (negAbs) v = v.abs().neg();
            DoubleVector c = v.max(PortableMath.EXP_LOW).min(PortableMath.EXP_HIGH);
            DoubleVector t = c.fma(PortableMath.LOG2_E, PortableMath.ROUNDER);
            LongVector k = ((LongVector) t.viewAsIntegralLanes()).sub(PortableMath.ROUNDER_BITS);
            DoubleVector kd = t.sub(PortableMath.ROUNDER);
            DoubleVector minusKd = kd.neg();
            DoubleVector r = minusKd.fma(LN2_HI, c);
            r = minusKd.fma(LN2_LO, r);
            DoubleVector p = DoubleVector.broadcast(S, EXP_TAYLOR[0]);
            for (int j = 1; j < EXP_TAYLOR.length; j++) p = p.fma(r, DoubleVector.broadcast(S, EXP_TAYLOR[j]));
            p = p.fma(r, ONE);
            p = p.fma(r, ONE);
            // k = k1 + k2, k1 = round(k/2) by the rounding trick (AVX2 has no 64-bit arithmetic shift).
            LongVector k1 = ((LongVector) kd.fma(0.5, PortableMath.ROUNDER).viewAsIntegralLanes()).sub(PortableMath.ROUNDER_BITS);
            LongVector k2 = k.sub(k1);
            DoubleVector scale1 = (DoubleVector) k1.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
            DoubleVector scale2 = (DoubleVector) k2.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
            p.mul(scale1).mul(scale2).intoArray(y, yo + i);
        }
        for (int i = bound; i < n; i++) y[yo + i] = PortableMath.exp(negAbs ? -Math.abs(x[xo + i]) : x[xo + i]);
    }

    /** y = tanh x (PortableMath.tanh, step for step). */
    private static void tanh(double[] x, int xo, double[] y, int yo, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            DoubleVector u = v.abs().mul(-2.0).max(PortableMath.TANH_U_LOW);
            DoubleVector t = u.fma(PortableMath.LOG2_E, PortableMath.ROUNDER);
            LongVector k = ((LongVector) t.viewAsIntegralLanes()).sub(PortableMath.ROUNDER_BITS);
            DoubleVector minusKd = t.sub(PortableMath.ROUNDER).neg();
            DoubleVector r = minusKd.fma(LN2_HI, u);
            r = minusKd.fma(LN2_LO, r);
            DoubleVector p = DoubleVector.broadcast(S, EXP_TAYLOR[0]);
            for (int j = 1; j < EXP_TAYLOR.length; j++) p = p.fma(r, DoubleVector.broadcast(S, EXP_TAYLOR[j]));
            p = p.fma(r, ONE);
            DoubleVector scale = (DoubleVector) k.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
            DoubleVector m = scale.fma(p.mul(r), scale.sub(1.0));
            DoubleVector magnitude = m.neg().div(m.add(2.0)).abs();
            LongVector sign = ((LongVector) v.viewAsIntegralLanes()).and(PortableMath.SIGN_BIT);
            ((DoubleVector) ((LongVector) magnitude.viewAsIntegralLanes()).or(sign).viewAsFloatingLanes()).intoArray(y, yo + i);
        }
        for (int i = bound; i < n; i++) y[yo + i] = PortableMath.tanh(x[xo + i]);
    }

    /** y = log x, or log1p x when {@code plusOne}; y may be x itself at the same offset. */
    private static void log(double[] x, int xo, double[] y, int yo, int n, boolean plusOne) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector arg = DoubleVector.fromArray(S, x, xo + i);
            DoubleVector v = plusOne ? arg.add(1.0) : arg;
            VectorMask<Double> subnormal = v.lt(Double.MIN_NORMAL);
            DoubleVector w = v.blend(v.mul(PortableMath.TWO_54), subnormal);
            LongVector bits = (LongVector) w.viewAsIntegralLanes();
            // The biased exponent as a double without a long-to-double conversion (none on AVX2): add
            // it to the integer bits of 1.5·2^52 and subtract that number back.
            LongVector biased = bits.and(PortableMath.EXPONENT_MASK).lanewise(VectorOperators.LSHR, 52);
            DoubleVector e = ((DoubleVector) biased.add(PortableMath.ROUNDER_BITS).viewAsFloatingLanes()).sub(PortableMath.ROUNDER);
            e = e.sub(1023);
            e = e.blend(e.sub(54), subnormal);
            DoubleVector m = (DoubleVector) bits.and(PortableMath.MANTISSA_MASK).or(PortableMath.ONE_BITS).viewAsFloatingLanes();
            VectorMask<Double> high = m.compare(VectorOperators.GT, PortableMath.SQRT2);
            m = m.blend(m.mul(0.5), high);
            e = e.blend(e.add(1), high);
            DoubleVector s = m.sub(1.0).div(m.add(1.0));
            DoubleVector s2 = s.mul(s);
            DoubleVector q = DoubleVector.broadcast(S, ATANH_SERIES[0]);
            for (int j = 1; j < ATANH_SERIES.length; j++) q = q.fma(s2, DoubleVector.broadcast(S, ATANH_SERIES[j]));
            DoubleVector twoS = s.mul(2.0);
            DoubleVector result = e.fma(LN2_HI, e.fma(LN2_LO, twoS.mul(s2).fma(q, twoS)));
            result = result.blend(Double.NEGATIVE_INFINITY, v.eq(0.0));
            result = result.blend(Double.NaN, v.lt(0.0).or(v.test(VectorOperators.IS_NAN)));
            result = result.blend(v, v.eq(Double.POSITIVE_INFINITY));
            if (plusOne) {
                // log1p x = log(u)·x/(u − 1) with u = 1 + x (PortableMath.log1p)
                result = result.mul(arg.div(v.sub(1.0))).blend(arg, v.eq(1.0).or(arg.eq(Double.POSITIVE_INFINITY)));
            }
            result.intoArray(y, yo + i);
        }
        for (int i = bound; i < n; i++) y[yo + i] = plusOne ? PortableMath.log1p(x[xo + i]) : PortableMath.log(x[xo + i]);
    }

    /** y holds e = e^−|x|; y = 1/(1 + e) where x >= 0 and e/(1 + e) elsewhere (PortableMath.sigmoid). */
    private static void sigmoidFromExp(double[] x, int xo, double[] y, int yo, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector e = DoubleVector.fromArray(S, y, yo + i);
            DoubleVector d = e.add(1.0);
            VectorMask<Double> nonNegative = DoubleVector.fromArray(S, x, xo + i).compare(VectorOperators.GE, 0.0);
            e.div(d).blend(ONE.div(d), nonNegative).intoArray(y, yo + i);
        }
        for (int i = bound; i < n; i++) {
            double e = y[yo + i], d = 1.0 + e;
            y[yo + i] = x[xo + i] >= 0 ? 1.0 / d : e / d;
        }
    }

    /** y = max(x, 0) + y (the last step of softplus). */
    private static void addPositivePart(double[] x, int xo, double[] y, int yo, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length())
            DoubleVector.fromArray(S, x, xo + i).max(0.0).add(DoubleVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        for (int i = bound; i < n; i++) y[yo + i] = Math.max(x[xo + i], 0) + y[yo + i];
    }
}
