package dev.pearl.gpu;

/**
 * Fills, strided copies, elementwise math, staging copies and casts. Each work-item handles
 * {@link KernelState#perItem} elements. OpenCL C has no generics
 * and Aparapi turns each Java method into one C function, so each body exists once per element
 * type ({@code ...F} on the float32 arena, {@code ...D} on the float64 one); the index
 * arithmetic they share lives in {@link KernelState#offsetOf}.
 *
 * <p>The math follows the CPU backend's definitions (NaN propagation of max/min/relu, the
 * overflow-free sigmoid and softplus, the special exponents of pow).
 */
abstract class ElementwiseCode extends KernelState {

    /**
     * Element {@code j} of this work-item's share (see {@link KernelState#perItem}). Each op below
     * loops over its share itself: PoCL runs such a loop several times faster than one that calls
     * a dispatcher per element. (Each loop sits in its own method: Aparapi can leave the
     * variables of sibling loops in one method undeclared.)
     */
    int element(int j) {
        return getGlobalId() * itemStride + j * loopStride;
    }

    void fillF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) f[yBase + i] = pf;
        }
    }

    void fillD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) d[yBase + i] = pd;
        }
    }

    void copyF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) f[offsetOf(i, yBase, yS0, yS1, yS2, yS3)] = f[offsetOf(i, aBase, aS0, aS1, aS2, aS3)];
        }
    }

    void copyD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) d[offsetOf(i, yBase, yS0, yS1, yS2, yS3)] = d[offsetOf(i, aBase, aS0, aS1, aS2, aS3)];
        }
    }

    void unaryF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) f[yBase + i] = unaryMathF(f[aBase + i]);
        }
    }

    void unaryD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) d[yBase + i] = unaryMathD(d[aBase + i]);
        }
    }

    void binaryF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) f[yBase + i] = binaryMathF(f[offsetOf(i, aBase, aS0, aS1, aS2, aS3)], f[offsetOf(i, bBase, bS0, bS1, bS2, bS3)]);
        }
    }

    void binaryD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) d[yBase + i] = binaryMathD(d[offsetOf(i, aBase, aS0, aS1, aS2, aS3)], d[offsetOf(i, bBase, bS0, bS1, bS2, bS3)]);
        }
    }

    void whereF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) f[yBase + i] = f[offsetOf(i, cBase, cS0, cS1, cS2, cS3)] != 0f
                    ? f[offsetOf(i, aBase, aS0, aS1, aS2, aS3)] : f[offsetOf(i, bBase, bS0, bS1, bS2, bS3)];
        }
    }

    void whereD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) d[yBase + i] = d[offsetOf(i, cBase, cS0, cS1, cS2, cS3)] != 0.0
                    ? d[offsetOf(i, aBase, aS0, aS1, aS2, aS3)] : d[offsetOf(i, bBase, bS0, bS1, bS2, bS3)];
        }
    }

    void stageInF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) f[yBase + i] = tier == 0 ? f0[i] : (tier == 1 ? f1[i] : f2[i]);
        }
    }

    void stageInD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) d[yBase + i] = tier == 0 ? d0[i] : (tier == 1 ? d1[i] : d2[i]);
        }
    }

    /** The last of the n elements is the arena's canary, so that every download checks the arena. */
    void stageOutF() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) {
                float v = i < n - 1 ? f[aBase + i] : f[0];
                if (tier == 0) f0[i] = v;
                else if (tier == 1) f1[i] = v;
                else f2[i] = v;
            }
        }
    }

    void stageOutD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) {
                double v = i < n - 1 ? d[aBase + i] : d[0];
                if (tier == 0) d0[i] = v;
                else if (tier == 1) d1[i] = v;
                else d2[i] = v;
            }
        }
    }

    void castD() {
        for (int j = 0; j < perItem; j++) {
            int i = element(j);
            if (i < n) {
                if (fn == ElementFn.TO_FLOAT64) d[yBase + i] = (double) f[aBase + i];
                else f[yBase + i] = (float) d[aBase + i];
            }
        }
    }

    void canaryF() {
        if (getGlobalId() == 0) f[0] = pf;
    }

    void canaryD() {
        if (getGlobalId() == 0) d[0] = pd;
    }

    void elementsF() {
        if (op == Opcode.FILL) fillF();
        else if (op == Opcode.COPY) copyF();
        else if (op == Opcode.UNARY) unaryF();
        else if (op == Opcode.BINARY) binaryF();
        else if (op == Opcode.WHERE) whereF();
        else if (op == Opcode.STAGE_IN) stageInF();
        else if (op == Opcode.STAGE_OUT) stageOutF();
        else if (op == Opcode.CANARY) canaryF();
    }

    void elementsD() {
        if (op == Opcode.FILL) fillD();
        else if (op == Opcode.COPY) copyD();
        else if (op == Opcode.UNARY) unaryD();
        else if (op == Opcode.BINARY) binaryD();
        else if (op == Opcode.WHERE) whereD();
        else if (op == Opcode.STAGE_IN) stageInD();
        else if (op == Opcode.STAGE_OUT) stageOutD();
        else if (op == Opcode.CAST) castD();
        else if (op == Opcode.CANARY) canaryD();
    }

    float unaryMathF(float x) {
        float p = pf;
        float y = x;
        if (fn == ElementFn.NEG) y = -x;
        else if (fn == ElementFn.EXP) y = exp(x);
        else if (fn == ElementFn.LOG) y = log(x);
        else if (fn == ElementFn.LOG1P) y = log1p(x);
        else if (fn == ElementFn.TANH) y = tanh(x);
        else if (fn == ElementFn.SIGMOID) y = x >= 0f ? 1f / (1f + exp(-x)) : exp(x) / (1f + exp(x));
        else if (fn == ElementFn.SOFTPLUS) y = (x > 0f ? x : 0f) + log1p(exp(-abs(x)));
        else if (fn == ElementFn.RELU) y = x > 0f || x != x ? x : 0f;
        else if (fn == ElementFn.ABS) y = abs(x);
        else if (fn == ElementFn.SQRT) y = sqrt(x);
        else if (fn == ElementFn.SQUARE) y = x * x;
        else if (fn == ElementFn.POW) y = p == 2f ? x * x : (p == 1f ? x : (p == 0.5f ? sqrt(x) : (p == -1f ? 1f / x : pow(x, p))));
        else if (fn == ElementFn.SCALE) y = p * x;
        else if (fn == ElementFn.ADD_SCALAR) y = p + x;
        else if (fn == ElementFn.STEP) y = x > 0f ? 1f : (x <= 0f ? 0f : x);
        else if (fn == ElementFn.SIGN) y = x > 0f ? 1f : (x < 0f ? -1f : x);
        else if (fn == ElementFn.LOGISTIC_SLOPE) y = x * (1f - x);
        else if (fn == ElementFn.TANH_SLOPE) y = 1f - x * x;
        return y;
    }

    double unaryMathD(double x) {
        double p = pd;
        double y = x;
        if (fn == ElementFn.NEG) y = -x;
        else if (fn == ElementFn.EXP) y = exp(x);
        else if (fn == ElementFn.LOG) y = log(x);
        else if (fn == ElementFn.LOG1P) y = log1p(x);
        else if (fn == ElementFn.TANH) y = tanh(x);
        else if (fn == ElementFn.SIGMOID) y = x >= 0.0 ? 1.0 / (1.0 + exp(-x)) : exp(x) / (1.0 + exp(x));
        else if (fn == ElementFn.SOFTPLUS) y = (x > 0.0 ? x : 0.0) + log1p(exp(-abs(x)));
        else if (fn == ElementFn.RELU) y = x > 0.0 || x != x ? x : 0.0;
        else if (fn == ElementFn.ABS) y = abs(x);
        else if (fn == ElementFn.SQRT) y = sqrt(x);
        else if (fn == ElementFn.SQUARE) y = x * x;
        else if (fn == ElementFn.POW) y = p == 2.0 ? x * x : (p == 1.0 ? x : (p == 0.5 ? sqrt(x) : (p == -1.0 ? 1.0 / x : pow(x, p))));
        else if (fn == ElementFn.SCALE) y = p * x;
        else if (fn == ElementFn.ADD_SCALAR) y = p + x;
        else if (fn == ElementFn.STEP) y = x > 0.0 ? 1.0 : (x <= 0.0 ? 0.0 : x);
        else if (fn == ElementFn.SIGN) y = x > 0.0 ? 1.0 : (x < 0.0 ? -1.0 : x);
        else if (fn == ElementFn.LOGISTIC_SLOPE) y = x * (1.0 - x);
        else if (fn == ElementFn.TANH_SLOPE) y = 1.0 - x * x;
        return y;
    }

    /** max/min return NaN when either input is NaN (a + b is then NaN), as Math.max/min do. */
    float binaryMathF(float a, float b) {
        float y = a + b;
        if (fn == ElementFn.SUB) y = a - b;
        else if (fn == ElementFn.MUL) y = a * b;
        else if (fn == ElementFn.DIV) y = a / b;
        else if (fn == ElementFn.MAX) y = a != a || b != b ? a + b : (a > b ? a : b);
        else if (fn == ElementFn.MIN) y = a != a || b != b ? a + b : (a < b ? a : b);
        else if (fn == ElementFn.GT) y = a > b ? 1f : 0f;
        else if (fn == ElementFn.GE) y = a >= b ? 1f : 0f;
        else if (fn == ElementFn.LT) y = a < b ? 1f : 0f;
        else if (fn == ElementFn.LE) y = a <= b ? 1f : 0f;
        else if (fn == ElementFn.EQ) y = a == b ? 1f : 0f;
        return y;
    }

    double binaryMathD(double a, double b) {
        double y = a + b;
        if (fn == ElementFn.SUB) y = a - b;
        else if (fn == ElementFn.MUL) y = a * b;
        else if (fn == ElementFn.DIV) y = a / b;
        else if (fn == ElementFn.MAX) y = a != a || b != b ? a + b : (a > b ? a : b);
        else if (fn == ElementFn.MIN) y = a != a || b != b ? a + b : (a < b ? a : b);
        else if (fn == ElementFn.GT) y = a > b ? 1.0 : 0.0;
        else if (fn == ElementFn.GE) y = a >= b ? 1.0 : 0.0;
        else if (fn == ElementFn.LT) y = a < b ? 1.0 : 0.0;
        else if (fn == ElementFn.LE) y = a <= b ? 1.0 : 0.0;
        else if (fn == ElementFn.EQ) y = a == b ? 1.0 : 0.0;
        return y;
    }
}
