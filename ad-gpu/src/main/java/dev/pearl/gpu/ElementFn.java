package dev.pearl.gpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ReduceOp;
import dev.pearl.backend.UnaryOp;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Codes of the elementwise and reduction functions as the device program sees them (its
 * {@code fn} argument). Each backend op has the constant of the same name in {@link Unary},
 * {@link Binary} or {@link Reduce}; {@link #of} finds it by that name. The codes are kept apart
 * from the enums' ordinals so that reordering an enum cannot silently change a kernel, and an op
 * without a constant fails loudly instead of running another function.
 */
final class ElementFn {
    /** Functions of the UNARY op. */
    static final class Unary {
        static final int IDENTITY = 0, NEG = 1, EXP = 2, LOG = 3, LOG1P = 4, TANH = 5, SIGMOID = 6, SOFTPLUS = 7,
                RELU = 8, ABS = 9, SQRT = 10, SQUARE = 11, POW = 12, SCALE = 13, ADD_SCALAR = 14, STEP = 15, SIGN = 16,
                LOGISTIC_SLOPE = 17, TANH_SLOPE = 18;

        private Unary() {
        }
    }

    /** Functions of the BINARY op. */
    static final class Binary {
        static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MAX = 4, MIN = 5, GT = 6, GE = 7, LT = 8, LE = 9, EQ = 10;

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

    private static final int[] UNARY = codes(UnaryOp.values(), Unary.class);
    private static final int[] BINARY = codes(BinaryOp.values(), Binary.class);
    private static final int[] REDUCE = codes(ReduceOp.values(), Reduce.class);

    private ElementFn() {
    }

    static int of(UnaryOp op) {
        return known(UNARY[op.ordinal()], "unary op " + op);
    }

    static int of(BinaryOp op) {
        return known(BINARY[op.ordinal()], "binary op " + op);
    }

    static int of(ReduceOp op) {
        return known(REDUCE[op.ordinal()], "reduction " + op);
    }

    private static int known(int code, String what) {
        if (code < 0) throw new UnsupportedOperationException("opencl: " + what + " has no device kernel");
        return code;
    }

    /** By ordinal: the code of each op, read from the int constant of the same name in {@code codes}; -1 where there is none. */
    private static int[] codes(Enum<?>[] ops, Class<?> codes) {
        int[] table = new int[ops.length];
        Arrays.fill(table, -1);
        for (Enum<?> op : ops) {
            try {
                Field f = codes.getDeclaredField(op.name());
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) table[op.ordinal()] = f.getInt(null);
            } catch (NoSuchFieldException e) {
                // no device kernel for this op: of() says so when it is asked for
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return table;
    }
}
