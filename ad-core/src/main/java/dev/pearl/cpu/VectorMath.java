package dev.pearl.cpu;

import dev.pearl.backend.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static dev.pearl.cpu.PortableMath.ATANH_SERIES;
import static dev.pearl.cpu.PortableMath.EXP_TAYLOR;

/**
 * {@link PortableMath}'s exp, log, log1p, sigmoid and softplus on the Vector API, step for step,
 * so each lane is bit-for-bit the scalar result (HotSpot's own EXP/LOG lanes are not: they use
 * SIMD routines after C2 compiles a loop and Math.exp before, which differ in the last bit).
 * Loaded only when the Vector API is usable.
 */
final class VectorMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector LN2_HI = DoubleVector.broadcast(S, PortableMath.LN2_HI);
    private static final DoubleVector LN2_LO = DoubleVector.broadcast(S, PortableMath.LN2_LO);

    private VectorMath() {
    }

    /** True for the ops this class computes. */
    static boolean handles(UnaryOp op) {
        switch (op) {
            case EXP: case LOG: case LOG1P: case SIGMOID: case SOFTPLUS: return true;
            default: return false;
        }
    }

    /** y[yo..yo+n) = op(x[xo..xo+n)); the tail shorter than a vector goes through the scalar code. */
    static void unary(UnaryOp op, double[] x, int xo, double[] y, int yo, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            apply(op, v).intoArray(y, yo + i);
        }
        if (bound < n) ElementMath.scalarUnary(op, 0, x, xo + bound, y, yo + bound, n - bound);
    }

    private static DoubleVector apply(UnaryOp op, DoubleVector v) {
        switch (op) {
            case EXP: return exp(v);
            case LOG: return log(v);
            case LOG1P: return log1p(v);
            case SIGMOID: return sigmoid(v);
            case SOFTPLUS: return v.max(0.0).add(log1p(exp(v.abs().neg())));
            default: throw new IllegalArgumentException("no vector kernel for " + op);
        }
    }

    static DoubleVector exp(DoubleVector x) {
        DoubleVector c = x.max(PortableMath.EXP_LOW).min(PortableMath.EXP_HIGH);
        DoubleVector t = c.fma(PortableMath.LOG2_E, PortableMath.ROUNDER);
        LongVector k = ((LongVector) t.viewAsIntegralLanes()).sub(PortableMath.ROUNDER_BITS);
        DoubleVector kd = t.sub(PortableMath.ROUNDER).neg();
        DoubleVector r = kd.fma(LN2_HI, c);
        r = kd.fma(LN2_LO, r);
        DoubleVector p = DoubleVector.broadcast(S, EXP_TAYLOR[0]);
        for (int i = 1; i < EXP_TAYLOR.length; i++) p = p.fma(r, DoubleVector.broadcast(S, EXP_TAYLOR[i]));
        p = p.fma(r, ONE);
        p = p.fma(r, ONE);
        LongVector k1 = k.lanewise(VectorOperators.ASHR, 1), k2 = k.sub(k1);
        return p.mul(powerOfTwo(k1)).mul(powerOfTwo(k2));
    }

    private static DoubleVector powerOfTwo(LongVector k) {
        return (DoubleVector) k.add(1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
    }

    static DoubleVector log(DoubleVector x) {
        VectorMask<Double> subnormal = x.lt(Double.MIN_NORMAL);
        DoubleVector y = x.blend(x.mul(PortableMath.TWO_54), subnormal);
        LongVector bits = (LongVector) y.viewAsIntegralLanes();
        DoubleVector e = (DoubleVector) bits.and(PortableMath.EXPONENT_MASK).lanewise(VectorOperators.LSHR, 52)
                .convert(VectorOperators.L2D, 0);
        e = e.sub(1023);
        e = e.blend(e.sub(54), subnormal);
        DoubleVector m = (DoubleVector) bits.and(PortableMath.MANTISSA_MASK).or(PortableMath.ONE_BITS).viewAsFloatingLanes();
        VectorMask<Double> high = m.compare(VectorOperators.GT, PortableMath.SQRT2);
        m = m.blend(m.mul(0.5), high);
        e = e.blend(e.add(1), high);
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(m.add(1.0));
        DoubleVector s2 = s.mul(s);
        DoubleVector q = DoubleVector.broadcast(S, ATANH_SERIES[0]);
        for (int i = 1; i < ATANH_SERIES.length; i++) q = q.fma(s2, DoubleVector.broadcast(S, ATANH_SERIES[i]));
        DoubleVector twoS = s.mul(2.0);
        DoubleVector logM = twoS.mul(s2).fma(q, twoS);
        DoubleVector result = e.fma(LN2_HI, e.fma(LN2_LO, logM));
        result = result.blend(Double.NEGATIVE_INFINITY, x.eq(0.0));
        result = result.blend(Double.NaN, x.lt(0.0).or(x.test(VectorOperators.IS_NAN)));
        return result.blend(x, x.eq(Double.POSITIVE_INFINITY));
    }

    static DoubleVector log1p(DoubleVector x) {
        DoubleVector u = x.add(1.0);
        DoubleVector viaU = log(u).mul(x.div(u.sub(1.0)));
        return viaU.blend(x, u.eq(1.0).or(x.eq(Double.POSITIVE_INFINITY)));
    }

    static DoubleVector sigmoid(DoubleVector x) {
        DoubleVector e = exp(x.abs().neg());
        DoubleVector d = e.add(1.0);
        return e.div(d).blend(ONE.div(d), x.compare(VectorOperators.GE, 0.0));
    }
}
