package dev.pearl.cpu;

import dev.pearl.backend.ElementFunction;

import java.util.HashMap;
import java.util.Map;

/**
 * The elementwise functions this backend has loops of its own for ({@link ElementMath}'s scalar
 * loops, {@link VectorMath}'s lanes), found by the function's stable name. They exist for speed
 * and for results that do not depend on the JIT ({@link PortableMath}); a function without one
 * runs its own formula through {@link ElementMath}'s generic loop and needs nothing here.
 */
enum UnaryKernel {
    IDENTITY, NEG, EXP, LOG, LOG1P, TANH, SIGMOID, SOFTPLUS, RELU, ABS, SQRT, SQUARE, POW, SCALE,
    ADD_SCALAR, STEP, SIGN, LOGISTIC_SLOPE, TANH_SLOPE;

    private static final Map<String, UnaryKernel> BY_NAME = new HashMap<>();

    static {
        for (UnaryKernel k : values()) BY_NAME.put(k.name(), k);
    }

    /** This backend's loop for f, or null when f runs through its formula. */
    static UnaryKernel of(ElementFunction f) {
        return BY_NAME.get(f.name());
    }
}
