package dev.pearl.cpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ElementFunction;

/**
 * The elementwise math, written once on double arrays; float32 tensors reach it through
 * {@link StridedEngine}'s chunk conversion. The switch sits outside each loop so that every
 * loop body is a simple expression C2 can vectorise.
 */
final class ElementMath {
    private ElementMath() {
    }

    /**
     * exp, log, log1p, tanh, sigmoid and softplus come from {@link PortableMath}, whose Vector API form
     * gives bit-identical lanes; the other vectorised ops are exact IEEE operations. So results
     * never depend on JIT timing or on whether the Vector API is present.
     * {@code -Dpearl.vectorMath=false} keeps every loop scalar (same values, slower).
     */
    private static final boolean VECTOR = dev.pearl.cpu.gemm.Gemm.vectorized()
            && !"false".equals(System.getProperty("pearl.vectorMath"));

    /** y = f(x) by this backend's loop for f ({@code kernel}), or by f's own formula where kernel is null. */
    static void unary(UnaryKernel kernel, ElementFunction f, double p, double[] x, int xo, double[] y, int yo, int n) {
        if (kernel == null) formula(f, p, x, xo, y, yo, n);
        else if (VECTOR && VectorMath.handles(kernel)) VectorMath.unary(kernel, p, x, xo, y, yo, n);
        else scalarUnary(kernel, p, x, xo, y, yo, n);
    }

    /** The generic loop: one call of f's formula per element (for functions without a loop of their own). */
    static void formula(ElementFunction f, double p, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] = f.apply(x[xo + i], p);
    }

    static void scalarUnary(UnaryKernel op, double p, double[] x, int xo, double[] y, int yo, int n) {
        switch (op) {
            case IDENTITY: System.arraycopy(x, xo, y, yo, n); break;
            case NEG: for (int i = 0; i < n; i++) y[yo + i] = -x[xo + i]; break;
            case EXP: for (int i = 0; i < n; i++) y[yo + i] = PortableMath.exp(x[xo + i]); break;
            case LOG: for (int i = 0; i < n; i++) y[yo + i] = PortableMath.log(x[xo + i]); break;
            case LOG1P: for (int i = 0; i < n; i++) y[yo + i] = PortableMath.log1p(x[xo + i]); break;
            case TANH: for (int i = 0; i < n; i++) y[yo + i] = PortableMath.tanh(x[xo + i]); break;
            case SIGMOID: for (int i = 0; i < n; i++) y[yo + i] = PortableMath.sigmoid(x[xo + i]); break;
            case SOFTPLUS: for (int i = 0; i < n; i++) y[yo + i] = PortableMath.softplus(x[xo + i]); break;
            case RELU: for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] > 0 || x[xo + i] != x[xo + i] ? x[xo + i] : 0.0; break;
            case ABS: for (int i = 0; i < n; i++) y[yo + i] = Math.abs(x[xo + i]); break;
            case SQRT: for (int i = 0; i < n; i++) y[yo + i] = Math.sqrt(x[xo + i]); break;
            case SQUARE: for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] * x[xo + i]; break;
            case POW: pow(p, x, xo, y, yo, n); break;
            case SCALE: for (int i = 0; i < n; i++) y[yo + i] = p * x[xo + i]; break;
            case ADD_SCALAR: for (int i = 0; i < n; i++) y[yo + i] = p + x[xo + i]; break;
            case STEP: for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] > 0 ? 1.0 : x[xo + i] <= 0 ? 0.0 : x[xo + i]; break;
            case LOGISTIC_SLOPE: for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] * (1 - x[xo + i]); break;
            case TANH_SLOPE: for (int i = 0; i < n; i++) y[yo + i] = 1 - x[xo + i] * x[xo + i]; break;
            case SIGN: for (int i = 0; i < n; i++) y[yo + i] = Math.signum(x[xo + i]); break;
            default: throw new IllegalStateException("unhandled unary op " + op);
        }
    }

    private static void pow(double p, double[] x, int xo, double[] y, int yo, int n) {
        if (p == 2) for (int i = 0; i < n; i++) y[yo + i] = x[xo + i] * x[xo + i];
        else if (p == 1) System.arraycopy(x, xo, y, yo, n);
        else if (p == 0.5) for (int i = 0; i < n; i++) y[yo + i] = Math.sqrt(x[xo + i]);
        else if (p == -1) for (int i = 0; i < n; i++) y[yo + i] = 1.0 / x[xo + i];
        else for (int i = 0; i < n; i++) y[yo + i] = Math.pow(x[xo + i], p);
    }

    static void binary(BinaryOp op, double[] a, int ao, double[] b, int bo, double[] y, int yo, int n) {
        if (VECTOR && VectorMath.handles(op)) VectorMath.binary(op, a, ao, b, bo, y, yo, n);
        else scalarBinary(op, a, ao, b, bo, y, yo, n);
    }

    /** y[yo..yo+n) += x[xo..xo+n) in float, explicitly in lanes: C2 would not vectorise two float arrays that may alias. */
    static void addInto(float[] x, int xo, float[] y, int yo, int n) {
        if (floatLanes(BinaryOp.ADD)) FloatLanes.binary(BinaryOp.ADD, y, yo, x, xo, y, yo, n);
        else for (int i = 0; i < n; i++) y[yo + i] += x[xo + i];
    }

    /** y[yo..yo+n) = max(y, x[xo..xo+n)) in float (NaN wins, as Math.max), in lanes like {@link #addInto}. */
    static void maxInto(float[] x, int xo, float[] y, int yo, int n) {
        if (floatLanes(BinaryOp.MAX)) FloatLanes.binary(BinaryOp.MAX, y, yo, x, xo, y, yo, n);
        else for (int i = 0; i < n; i++) y[yo + i] = Math.max(y[yo + i], x[xo + i]);
    }

    static void scalarBinary(BinaryOp op, double[] a, int ao, double[] b, int bo, double[] y, int yo, int n) {
        switch (op) {
            case ADD: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] + b[bo + i]; break;
            case SUB: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] - b[bo + i]; break;
            case MUL: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] * b[bo + i]; break;
            case DIV: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] / b[bo + i]; break;
            case MAX: for (int i = 0; i < n; i++) y[yo + i] = Math.max(a[ao + i], b[bo + i]); break;
            case MIN: for (int i = 0; i < n; i++) y[yo + i] = Math.min(a[ao + i], b[bo + i]); break;
            case GT: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] > b[bo + i] ? 1.0 : 0.0; break;
            case GE: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] >= b[bo + i] ? 1.0 : 0.0; break;
            case LT: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] < b[bo + i] ? 1.0 : 0.0; break;
            case LE: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] <= b[bo + i] ? 1.0 : 0.0; break;
            case EQ: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] == b[bo + i] ? 1.0 : 0.0; break;
            case MUL_LOGISTIC_SLOPE: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] * (b[bo + i] * (1 - b[bo + i])); break;
            case MUL_TANH_SLOPE: for (int i = 0; i < n; i++) y[yo + i] = a[ao + i] * (1 - b[bo + i] * b[bo + i]); break;
            default: throw new IllegalStateException("unhandled binary op " + op);
        }
    }

    /** True when float32 operands may run op in float lanes (FloatLanes): same bits as the double path. */
    static boolean floatLanes(UnaryKernel op, double p) {
        return VECTOR && op != null && VectorMath.exactInFloat(op, p);
    }

    /** True when float32 operands may run op in float lanes (FloatLanes): same bits as the double path. */
    static boolean floatLanes(BinaryOp op) {
        return VECTOR && VectorMath.exactInFloat(op);
    }

    /** True when float32 operands may run op widened to double in vector registers ({@link VectorMath#floatInDouble}): same bits as the chunked double path. */
    static boolean floatInDouble(BinaryOp op) {
        return VECTOR && VectorMath.handlesFloatInDouble(op);
    }

    /** dst[0..n) = src[off..off+n) widened to double. */
    static void widen(float[] src, int off, double[] dst, int n) {
        if (VECTOR) VectorMath.widen(src, off, dst, n);
        else for (int i = 0; i < n; i++) dst[i] = src[off + i];
    }

    /** dst[off..off+n) = src[0..n) rounded to float. */
    static void narrow(double[] src, float[] dst, int off, int n) {
        if (VECTOR) VectorMath.narrow(src, dst, off, n);
        else for (int i = 0; i < n; i++) dst[off + i] = (float) src[i];
    }

    static void where(double[] m, int mo, double[] a, int ao, double[] b, int bo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] = m[mo + i] != 0 ? a[ao + i] : b[bo + i];
    }
}
