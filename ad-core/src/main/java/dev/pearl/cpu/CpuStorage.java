package dev.pearl.cpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.Storage;
import dev.pearl.tensor.DType;

/** A Java array holding a tensor's elements: {@code float[]} for float32, {@code double[]} for float64. */
final class CpuStorage implements Storage {
    final float[] f;
    final double[] d;

    private CpuStorage(float[] f, double[] d) {
        this.f = f;
        this.d = d;
    }

    static CpuStorage allocate(DType dtype, int size) {
        return dtype == DType.FLOAT32 ? new CpuStorage(new float[size], null) : new CpuStorage(null, new double[size]);
    }

    static CpuStorage wrap(float[] f) {
        return new CpuStorage(f, null);
    }

    static CpuStorage wrap(double[] d) {
        return new CpuStorage(null, d);
    }

    /** The backing array, float[] or double[], for dtype-agnostic copies. */
    Object array() {
        return f != null ? f : d;
    }

    double get(int i) {
        return f != null ? f[i] : d[i];
    }

    /** Copies n elements starting at off with the given stride into buf[0..n). */
    void gather(int off, int stride, double[] buf, int n) {
        if (f != null) {
            if (stride == 1) ElementMath.widen(f, off, buf, n);
            else if (stride == 0) java.util.Arrays.fill(buf, 0, n, f[off]);
            else for (int i = 0; i < n; i++) buf[i] = f[off + i * stride];
        } else {
            if (stride == 1) System.arraycopy(d, off, buf, 0, n);
            else if (stride == 0) java.util.Arrays.fill(buf, 0, n, d[off]);
            else for (int i = 0; i < n; i++) buf[i] = d[off + i * stride];
        }
    }

    /**
     * Points src[j], srcOff[j] at n elements from off with the given stride, in the element type of
     * buf (double[] or, for float storage, float[]): this array itself when the run is contiguous
     * and of that type, else buf filled with the run.
     */
    void source(int off, int stride, int n, Object buf, Object[] src, int[] srcOff, int j) {
        Object own = array();
        if (stride == 1 && own.getClass() == buf.getClass()) {
            src[j] = own;
            srcOff[j] = off;
            return;
        }
        if (buf instanceof double[] wide) {
            gather(off, stride, wide, n);
        } else {
            float[] b = (float[]) buf;
            if (stride == 0) java.util.Arrays.fill(b, 0, n, f[off]);
            else for (int i = 0; i < n; i++) b[i] = f[off + i * stride];
        }
        src[j] = buf;
        srcOff[j] = 0;
    }

    void storeOne(int i, double v) {
        if (f != null) f[i] = (float) v;
        else d[i] = v;
    }

    /** Stores buf[0..n) contiguously at off. */
    void store(int off, double[] buf, int n) {
        if (f != null) ElementMath.narrow(buf, f, off, n);
        else System.arraycopy(buf, 0, d, off, n);
    }

    /** this[off..off+n) += src[srcOff..srcOff+n), in this storage's dtype (src has the same). */
    void addFrom(CpuStorage src, int srcOff, int off, int n) {
        if (f != null) ElementMath.addInto(src.f, srcOff, f, off, n);
        else ElementMath.binary(BinaryOp.ADD, d, off, src.d, srcOff, d, off, n);
    }

    @Override
    public int size() {
        return f != null ? f.length : d.length;
    }
}
