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
    abstract void run(int k, A a, int ao, int lda, A b, int bo, int ldb, A c, int co, int ldc, int i0, int i1, int j0, int j1);
}
