package dev.pearl.gpu;

import dev.pearl.gpu.ElementFn.Binary;

/*
 * Written at build time from the template ad-gpu/src/main/templates/dev/pearl/gpu/ElementwiseCode.java,
 * once per element type (see ad-gpu/pom.xml): edit the template. The build replaces these tokens, each
 * written between dollar signs: type (float, double), Type (Float32, Float64), T (F, D: the suffix of
 * this type's fields and methods) and Base (the superclass of the first class of each type's chain).
 */

/**
 * Fills, strided copies, elementwise math and staging copies on the $type$ arena. Each
 * work-item handles {@link KernelState#perItem} elements (see {@link KernelState#element}).
 *
 * <p>The math follows the CPU backend's definitions (NaN propagation of max/min/relu, the
 * overflow-free sigmoid and softplus, the special exponents of pow).
 */
abstract class $Type$ElementwiseCode extends $Base$ {
    private static final $type$ ZERO = 0, ONE = 1, TWO = 2, HALF = ($type$) 0.5;

    void elements$T$() {
        if (op == Opcode.FILL) fill$T$();
        else if (op == Opcode.COPY) copy$T$();
        else if (op == Opcode.UNARY) unary$T$();
        else if (op == Opcode.BINARY) binary$T$();
        else if (op == Opcode.WHERE) where$T$();
        else if (op == Opcode.STAGE_IN) stageIn$T$();
        else if (op == Opcode.STAGE_OUT) stageOut$T$();
        else if (op == Opcode.CANARY) canary$T$();
    }

    void fill$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) arena$T$[yBase + i] = param$T$;
        }
    }

    void copy$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) arena$T$[offsetOf(i, yBase, yS0, yS1, yS2, yS3)] = arena$T$[offsetOf(i, aBase, aS0, aS1, aS2, aS3)];
        }
    }

    void unary$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) arena$T$[yBase + i] = unaryMath$T$(arena$T$[aBase + i]);
        }
    }

    void binary$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) arena$T$[yBase + i] = binaryMath$T$(arena$T$[offsetOf(i, aBase, aS0, aS1, aS2, aS3)], arena$T$[offsetOf(i, bBase, bS0, bS1, bS2, bS3)]);
        }
    }

    void where$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) arena$T$[yBase + i] = arena$T$[offsetOf(i, cBase, cS0, cS1, cS2, cS3)] != ZERO
                    ? arena$T$[offsetOf(i, aBase, aS0, aS1, aS2, aS3)] : arena$T$[offsetOf(i, bBase, bS0, bS1, bS2, bS3)];
        }
    }

    void stageIn$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) arena$T$[yBase + i] = tier == 0 ? stage$T$0[i] : (tier == 1 ? stage$T$1[i] : stage$T$2[i]);
        }
    }

    /** The last of the n elements is the arena's canary, so that every download checks the arena. */
    void stageOut$T$() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) {
                $type$ v = i < n - 1 ? arena$T$[aBase + i] : arena$T$[0];
                if (tier == 0) stage$T$0[i] = v;
                else if (tier == 1) stage$T$1[i] = v;
                else stage$T$2[i] = v;
            }
        }
    }

    void canary$T$() {
        if (getGlobalId() == 0) arena$T$[0] = param$T$;
    }

    /**
     * The device codes of the unary functions. {@link ElementFn} finds a function's code by its
     * name, so a function the device can run is a constant here and its line in unaryMath below;
     * a function without a constant is refused with an error naming it.
     */
    static final class Unary {
        static final int IDENTITY = 0, NEG = 1, EXP = 2, LOG = 3, LOG1P = 4, TANH = 5, SIGMOID = 6, SOFTPLUS = 7,
                RELU = 8, ABS = 9, SQRT = 10, SQUARE = 11, POW = 12, SCALE = 13, ADD_SCALAR = 14, STEP = 15, SIGN = 16,
                LOGISTIC_SLOPE = 17, TANH_SLOPE = 18, SOFTSIGN = 19;

        private Unary() {
        }
    }

    $type$ unaryMath$T$($type$ x) {
        $type$ p = param$T$;
        $type$ y = x;
        if (fn == Unary.NEG) y = -x;
        else if (fn == Unary.EXP) y = exp(x);
        else if (fn == Unary.LOG) y = log(x);
        else if (fn == Unary.LOG1P) y = log1p(x);
        else if (fn == Unary.TANH) y = tanh(x);
        else if (fn == Unary.SIGMOID) y = x >= ZERO ? ONE / (ONE + exp(-x)) : exp(x) / (ONE + exp(x));
        else if (fn == Unary.SOFTPLUS) y = (x > ZERO ? x : ZERO) + log1p(exp(-abs(x)));
        else if (fn == Unary.SOFTSIGN) y = x / (ONE + abs(x));
        else if (fn == Unary.RELU) y = x > ZERO || x != x ? x : ZERO;
        else if (fn == Unary.ABS) y = abs(x);
        else if (fn == Unary.SQRT) y = sqrt(x);
        else if (fn == Unary.SQUARE) y = x * x;
        else if (fn == Unary.POW) y = p == TWO ? x * x : (p == ONE ? x : (p == HALF ? sqrt(x) : (p == -ONE ? ONE / x : pow(x, p))));
        else if (fn == Unary.SCALE) y = p * x;
        else if (fn == Unary.ADD_SCALAR) y = p + x;
        else if (fn == Unary.STEP) y = x > ZERO ? ONE : (x <= ZERO ? ZERO : x);
        else if (fn == Unary.SIGN) y = x > ZERO ? ONE : (x < ZERO ? -ONE : x);
        else if (fn == Unary.LOGISTIC_SLOPE) y = x * (ONE - x);
        else if (fn == Unary.TANH_SLOPE) y = ONE - x * x;
        return y;
    }

    /** max/min return NaN when either input is NaN (a + b is then NaN), as Math.max/min do. */
    $type$ binaryMath$T$($type$ a, $type$ b) {
        $type$ y = a + b;
        if (fn == Binary.SUB) y = a - b;
        else if (fn == Binary.MUL) y = a * b;
        else if (fn == Binary.DIV) y = a / b;
        else if (fn == Binary.MAX) y = a != a || b != b ? a + b : (a > b ? a : b);
        else if (fn == Binary.MIN) y = a != a || b != b ? a + b : (a < b ? a : b);
        else if (fn == Binary.GT) y = a > b ? ONE : ZERO;
        else if (fn == Binary.GE) y = a >= b ? ONE : ZERO;
        else if (fn == Binary.LT) y = a < b ? ONE : ZERO;
        else if (fn == Binary.LE) y = a <= b ? ONE : ZERO;
        else if (fn == Binary.EQ) y = a == b ? ONE : ZERO;
        else if (fn == Binary.MUL_LOGISTIC_SLOPE) y = a * (b * (ONE - b));
        else if (fn == Binary.MUL_TANH_SLOPE) y = a * (ONE - b * b);
        return y;
    }
}
