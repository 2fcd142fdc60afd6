package dev.pearl.cpu.gemm;

import dev.pearl.cpu.parallel.ThreadPool;

import java.util.function.IntConsumer;

/**
 * One element type's GEMM: checks arguments, picks from a rough time estimate the unpacked path,
 * the packed one or (for A Bᵀ with both operands contiguous along k) the dot-product kernel, and
 * splits C over the pool's threads (each thread computes a disjoint block of C with its own
 * buffers). A product whose C is about one tile but whose k is long (an im2col convolution's
 * weight gradient: k = positions x batch) is split along k instead, into slices of fixed length whose
 * partial products are added in slice order, so the result does not depend on the thread count.
 */
final class Engine<A> {
    /** Multiply-adds per ns of SmallGemm's plain loops, measured here for both types. */
    private static final double SMALL_RATE = 2.0;
    /** ns per element to pack an operand (copies and transposing gathers averaged). */
    private static final double PACK_NS = 0.5;
    /** Below this estimated single-thread time, handing work to other threads does not pay
     *  (a ThreadPool hand-off alone measured ~25 us here). */
    private static final double PARALLEL_NS = 150_000;
    /** k per slice when a one-tile product is split along k: long enough that each slice's packing
     *  and partial sum are small next to its multiplications. */
    static final int K_SLICE = 1 << 14;

    final ArrayOps<A> ops;
    final BlockedGemm<A> blocked;
    /** The unpacked A Bᵀ kernel, or null without the Vector API. */
    final DotKernel<A> dot;

    Engine(ArrayOps<A> ops, MicroKernel<A> kernel, Blocking blocks, DotKernel<A> dot) {
        this.ops = ops;
        this.blocked = new BlockedGemm<>(ops, kernel, blocks);
        this.dot = dot;
    }

    String describe() {
        return blocked.describe();
    }

    void gemm(boolean transA, boolean transB, int m, int n, int k, A a, int aOff, A b, int bOff,
              A c, int cOff, ThreadPool pool) {
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("negative size: m=" + m + " n=" + n + " k=" + k);
        check("a", a, aOff, (long) m * k);
        check("b", b, bOff, (long) k * n);
        check("c", c, cOff, (long) m * n);
        if (m == 0 || n == 0) return;
        if (k == 0) {
            ops.zero(c, cOff, m * n);
            return;
        }
        View<A> av = transA ? new View<>(a, aOff, 1, m) : new View<>(a, aOff, k, 1);
        View<A> bv = transB ? new View<>(b, bOff, k, 1) : new View<>(b, bOff, 1, n);
        MicroKernel<A> kernel = blocked.kernel;
        int mr = kernel.mr, nr = kernel.nr;
        // Packed tiles are padded to mr x nr, so thin products mostly multiply zeros: compare.
        double packedNs = (double) roundUp(m, mr) * roundUp(n, nr) * k / kernel.rate + PACK_NS * ((double) m + n) * k;
        double smallNs = (double) m * n * k / SMALL_RATE;
        double dotNs = dot != null && av.cs == 1 && bv.cs == 1 ? (double) m * n * k / dot.rate : Double.POSITIVE_INFINITY;
        boolean useDot = dotNs <= packedNs && dotNs <= smallNs, useSmall = !useDot && smallNs <= packedNs;
        double bestNs = useDot ? dotNs : useSmall ? smallNs : packedNs;
        Product<A> product = useDot ? this::dots : useSmall ? (x, y, kk, cc, co, ldc, i0, i1, j0, j1) ->
                SmallGemm.run(ops, x, y, kk, cc, co, ldc, i0, i1, j0, j1) : blocked::run;
        boolean rowsOnly = useDot || useSmall;
        if (m <= mr && n <= nr && k >= 2 * K_SLICE) {
            sliceK(product, av, bv, m, n, k, c, cOff, pool);
        } else if (pool == null || pool.threads() == 1 || bestNs < PARALLEL_NS) {
            product.run(av, bv, k, c, cOff, n, 0, m, 0, n);
        } else if (rowsOnly || (m + mr - 1) / mr >= (n + nr - 1) / nr) {
            // Rows: the side with more tiles. The unpacked paths always split rows: split columns
            // would have both threads rewriting the cache line at the seam of every C row.
            pool.parallelRanges(m, rowsOnly ? 2 : mr, (i0, i1) -> product.run(av, bv, k, c, cOff, n, i0, i1, 0, n));
        } else {
            pool.parallelRanges(n, nr, (j0, j1) -> product.run(av, bv, k, c, cOff, n, 0, m, j0, j1));
        }
    }

    /**
     * C (m x n at cOff, row stride ldc) = A (m x k, row-major from 0) times the k x n matrix whose
     * row p is b[bOff + starts[p] ..+ n): the blocked path on this thread, B packed from its runs.
     */
    void gemmRuns(int m, int n, int k, A a, A b, int bOff, int[] starts, A c, int cOff, int ldc) {
        blocked.run(new View<>(a, 0, k, 1), View.runs(b, bOff, starts), k, c, cOff, ldc, 0, m, 0, n);
    }

    /** The dot kernel on views with rows contiguous along k. */
    private void dots(View<A> a, View<A> b, int k, A c, int cOff, int ldc, int i0, int i1, int j0, int j1) {
        dot.run(k, a.data, a.off, a.rs, b.data, b.off, b.rs, c, cOff, ldc, i0, i1, j0, j1);
    }

    /** C = sum over slices of k of the slice's product, each slice on whichever thread is free. */
    private void sliceK(Product<A> product, View<A> a, View<A> b, int m, int n, int k, A c, int cOff, ThreadPool pool) {
        int slices = (k + K_SLICE - 1) / K_SLICE;
        A partial = ops.alloc(slices * m * n);
        IntConsumer slice = t -> {
            int p0 = t * K_SLICE, depth = Math.min(K_SLICE, k - p0);
            View<A> as = new View<>(a.data, a.at(0, p0), a.rs, a.cs), bs = new View<>(b.data, b.at(0, p0), b.rs, b.cs);
            product.run(as, bs, depth, partial, t * m * n, n, 0, m, 0, n);
        };
        if (pool == null) for (int t = 0; t < slices; t++) slice.accept(t);
        else pool.parallelFor(slices, slice);
        ops.zero(c, cOff, m * n);
        for (int t = 0; t < slices; t++) ops.addTo(partial, t * m * n, c, cOff, m * n);
    }

    private static long roundUp(int x, int unit) {
        return ((long) x + unit - 1) / unit * unit;
    }

    private void check(String name, A arr, int off, long len) {
        if (arr == null) throw new NullPointerException(name);
        if (off < 0 || off + len > ops.length(arr))
            throw new IndexOutOfBoundsException(name + ": need " + len + " elements from offset " + off
                    + ", array length " + ops.length(arr));
    }

    /** C[i0, i1) x [j0, j1) = op(A) op(B) over k, C at cOff with row stride ldc: each path's contract. */
    @FunctionalInterface
    private interface Product<A> {
        void run(View<A> a, View<A> b, int k, A c, int cOff, int ldc, int i0, int i1, int j0, int j1);
    }
}
