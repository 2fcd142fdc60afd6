package dev.pearl.cpu.gemm;

/**
 * The few element-type-specific loops the shared drivers need; {@code A} is float[] or double[].
 * Everything else (blocking, packing order, threading) is written once against this.
 */
abstract class ArrayOps<A> {
    abstract A alloc(int n);

    /** count separate arrays of length n (ScalarKernel needs unaliased rows). */
    abstract A[] rows(int count, int n);

    abstract int length(A a);

    abstract void zero(A a, int off, int len);

    /**
     * Packs a panel of {@code rows <= width} lines by kc into dst as kc groups of {@code width}
     * (element (r, p) of src at off + r*rs + p*cs goes to dst[d + p*width + r]); lines rows..width
     * are zero so the micro-kernel never needs an edge case.
     */
    abstract void packPanel(A src, int off, int rs, int cs, int rows, int width, int kc, A dst, int d);

    /**
     * As {@link #packPanel} for lines adjacent in memory (rs = 1) whose k-slices lie anywhere: slice
     * p0 + p starts at off + starts[p0 + p].
     */
    final void packRuns(A src, int[] starts, int p0, int off, int rows, int width, int kc, A dst, int d) {
        if (rows < width) zero(dst, d, kc * width);
        for (int p = 0; p < kc; p++) System.arraycopy(src, off + starts[p0 + p], dst, d + p * width, rows);
    }

    /** Writes (acc=false) or adds (acc=true) the top-left rows x cols of tile t into c. */
    abstract void tileOut(A t, int ldt, A c, int co, int ldc, int rows, int cols, boolean acc);

    /** y[yo .. yo+n) += s[si] * x[xo .. xo+n). */
    abstract void axpy(A s, int si, A x, int xo, A y, int yo, int n);

    /** y_r[j] += s[si + r] * x[j] for r < 4, j < n: all indexed alike so C2 vectorises it. */
    abstract void axpy4(A s, int si, A x, A y0, A y1, A y2, A y3, int n);

    /** y[yo .. yo+n) += x[xo .. xo+n). */
    abstract void addTo(A x, int xo, A y, int yo, int n);

    /** c[ci] = sum over p < n of x[xo + p*xs] * y[yo + p*ys]. */
    abstract void dot(A c, int ci, A x, int xo, int xs, A y, int yo, int ys, int n);
}
