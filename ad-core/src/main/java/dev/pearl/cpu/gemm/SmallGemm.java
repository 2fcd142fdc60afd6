package dev.pearl.cpu.gemm;

/**
 * Unpacked path for products too thin for packing to pay off (matrix-vector shapes, or tiny ones
 * under the scalar kernel's wide tiles): there the packed tiles would be mostly zero padding and
 * packing would copy about as many elements as the product multiplies. Engine decides.
 */
final class SmallGemm {
    private SmallGemm() {}

    /** Same contract as BlockedGemm.run. */
    static <A> void run(ArrayOps<A> ops, View<A> a, View<A> b, int k, A c, int cOff, int ldc,
                        int i0, int i1, int j0, int j1) {
        int n = j1 - j0;
        if (b.rs == 1 && n >= 8) {
            // op(B) rows are contiguous: C row i += A(i,p) * B row p, streaming through B.
            for (int i = i0; i < i1; i++) {
                int ci = cOff + i * ldc + j0;
                ops.zero(c, ci, n);
                for (int p = 0; p < k; p++) ops.axpy(a.data, a.at(i, p), b.data, b.at(j0, p), c, ci, n);
            }
        } else {
            // op(B) columns contiguous (B transposed) or only a few columns: one dot product each.
            for (int i = i0; i < i1; i++)
                for (int j = j0; j < j1; j++)
                    ops.dot(c, cOff + i * ldc + j, a.data, a.at(i, 0), a.cs, b.data, b.at(j, 0), b.cs, k);
        }
    }
}
