package dev.pearl.gpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ReduceOp;
import dev.pearl.backend.UnaryOp;

/**
 * Codes of the elementwise and reduction functions as the device program sees them. Kept apart
 * from the enums' ordinals so that reordering an enum cannot silently change a kernel; {@link #of}
 * fails loudly on a constant the device program does not know.
 */
final class ElementFn {
    static final int IDENTITY = 0, NEG = 1, EXP = 2, LOG = 3, LOG1P = 4, TANH = 5, SIGMOID = 6, SOFTPLUS = 7,
            RELU = 8, ABS = 9, SQRT = 10, SQUARE = 11, POW = 12, SCALE = 13, ADD_SCALAR = 14, STEP = 15, SIGN = 16,
            LOGISTIC_SLOPE = 17, TANH_SLOPE = 18;

    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MAX = 4, MIN = 5, GT = 6, GE = 7, LT = 8, LE = 9, EQ = 10;

    static final int SUM = 0, REDUCE_MAX = 1;

    /** CAST directions. */
    static final int TO_FLOAT64 = 0, TO_FLOAT32 = 1;

    private ElementFn() {
    }

    static int of(UnaryOp op) {
        switch (op) {
            case IDENTITY: return IDENTITY;
            case NEG: return NEG;
            case EXP: return EXP;
            case LOG: return LOG;
            case LOG1P: return LOG1P;
            case TANH: return TANH;
            case SIGMOID: return SIGMOID;
            case SOFTPLUS: return SOFTPLUS;
            case RELU: return RELU;
            case ABS: return ABS;
            case SQRT: return SQRT;
            case SQUARE: return SQUARE;
            case POW: return POW;
            case SCALE: return SCALE;
            case ADD_SCALAR: return ADD_SCALAR;
            case STEP: return STEP;
            case SIGN: return SIGN;
            case LOGISTIC_SLOPE: return LOGISTIC_SLOPE;
            case TANH_SLOPE: return TANH_SLOPE;
            default: throw new UnsupportedOperationException("opencl: unary op " + op + " has no device kernel");
        }
    }

    static int of(BinaryOp op) {
        switch (op) {
            case ADD: return ADD;
            case SUB: return SUB;
            case MUL: return MUL;
            case DIV: return DIV;
            case MAX: return MAX;
            case MIN: return MIN;
            case GT: return GT;
            case GE: return GE;
            case LT: return LT;
            case LE: return LE;
            case EQ: return EQ;
            default: throw new UnsupportedOperationException("opencl: binary op " + op + " has no device kernel");
        }
    }

    static int of(ReduceOp op) {
        switch (op) {
            case SUM: return SUM;
            case MAX: return REDUCE_MAX;
            default: throw new UnsupportedOperationException("opencl: reduction " + op + " has no device kernel");
        }
    }
}
