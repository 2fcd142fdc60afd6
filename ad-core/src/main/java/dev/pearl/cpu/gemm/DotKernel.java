package dev.pearl.cpu.gemm;

/**
 * C = A Bᵀ where the rows of A and of B are contiguous along k, computed as dot products with no
 * packing. It wins where packing would cost about as much as the product: C small, k long (a
 * convolution's weight gradient, k = positions x batch), where both operands would have to be
 * transposed into panels. The generated Vector API kernels extend it; Engine decides.
 */
abstract class DotKernel<A> {
    /** Rough multiply-adds per nanosecond on one core; only steers the path choice. */
    final double rate;

    DotKernel(double rate) {
        this.rate = rate;
    }

    /**
     * C[i, j] = sum over p &lt; k of a[ao + i·lda + p] · b[bo + j·ldb + p] for i in [i0, i1) and j in
     * [j0, j1), written at c[co + i·ldc + j].
     */
    final void run(int k, A a, int ao, int lda, A b, int bo, int ldb, A c, int co, int ldc, int i0, int i1, int j0, int j1) {
        int[] rows = new int[j1];
        for (int j = j0; j < j1; j++) rows[j] = bo + j * ldb;
        runRows(k, a, ao, lda, b, rows, c, co, ldc, i0, i1, j0, j1);
    }

    /**
     * As {@link #run} with row j of B starting at bRows[j] wherever it lies (an implicit
     * convolution's taps: runs of the input at offsets no single stride describes).
     */
    abstract void runRows(int k, A a, int ao, int lda, A b, int[] bRows, A c, int co, int ldc, int i0, int i1, int j0, int j1);
}
