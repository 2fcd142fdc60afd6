package dev.pearl.cpu;

import dev.pearl.backend.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transcendental elementwise kernels on the Vector API, whose EXP/LOG/TANH lanes HotSpot maps to
 * SIMD math routines: about ten times faster than a loop of {@link Math#exp}. Loaded only when
 * the Vector API is usable and {@code pearl.vectorMath} is set ({@link ElementMath} says why it
 * is opt-in).
 */
final class VectorMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

    private VectorMath() {
    }

    /** True for the ops this class computes. */
    static boolean handles(UnaryOp op) {
        switch (op) {
            case EXP: case LOG: case LOG1P: case TANH: case SIGMOID: case SOFTPLUS: return true;
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
            case EXP: return v.lanewise(VectorOperators.EXP);
            case LOG: return v.lanewise(VectorOperators.LOG);
            case LOG1P: return v.lanewise(VectorOperators.LOG1P);
            case TANH: return v.lanewise(VectorOperators.TANH);
            // 1/(1 + e^-x): e^-x overflows to +inf for very negative x, giving exactly 0.
            case SIGMOID: return ONE.div(v.neg().lanewise(VectorOperators.EXP).add(1.0));
            // max(x, 0) + log1p(e^-|x|): no overflow for large |x|.
            case SOFTPLUS: return v.max(0.0).add(v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
            default: throw new IllegalArgumentException("no vector kernel for " + op);
        }
    }
}
