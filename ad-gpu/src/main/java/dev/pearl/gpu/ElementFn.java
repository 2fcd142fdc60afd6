package dev.pearl.gpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ElementFunction;
import dev.pearl.backend.ReduceOp;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Codes of the elementwise and reduction functions as the device program sees them (its
 * {@code fn} argument), found by the function's name: a unary function's code is the constant of
 * that name in the ElementwiseCode template's {@code Unary} class (declared there beside the
 * function's OpenCL formula), a binary op's or reduction's the constant in {@link Binary} or
 * {@link Reduce}. The codes are kept apart from the enums' ordinals so that reordering an enum
 * cannot silently change a kernel, and a function without a constant fails loudly, naming it,
 * instead of running another function or falling back to the host.
 */
final class ElementFn {
    /** Functions of the BINARY op. */
    static final class Binary {
        static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MAX = 4, MIN = 5, GT = 6, GE = 7, LT = 8, LE = 9, EQ = 10,
                MUL_LOGISTIC_SLOPE = 11, MUL_TANH_SLOPE = 12;

        private Binary() {
        }
    }

    /** Functions of the REDUCE op. */
    static final class Reduce {
        static final int SUM = 0, MAX = 1;

        private Reduce() {
        }
    }

    /** CAST directions. */
    static final int TO_FLOAT64 = 0, TO_FLOAT32 = 1;

    private static final Map<String, Integer> UNARY = codes(Float32ElementwiseCode.Unary.class);
    private static final Map<String, Integer> BINARY = codes(Binary.class);
    private static final Map<String, Integer> REDUCE = codes(Reduce.class);

    private ElementFn() {
    }

    static int of(ElementFunction f) {
        return known(UNARY.get(f.name()), "unary function " + f.name());
    }

    static int of(BinaryOp op) {
        return known(BINARY.get(op.name()), "binary op " + op);
    }

    static int of(ReduceOp op) {
        return known(REDUCE.get(op.name()), "reduction " + op);
    }

    private static int known(Integer code, String what) {
        if (code == null) throw new UnsupportedOperationException("opencl: " + what + " has no device kernel");
        return code;
    }

    /** The static int constants of {@code codes}, by name. */
    private static Map<String, Integer> codes(Class<?> codes) {
        Map<String, Integer> byName = new HashMap<>();
        for (Field f : codes.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) continue;
            try {
                byName.put(f.getName(), f.getInt(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.copyOf(byName);
    }
}
