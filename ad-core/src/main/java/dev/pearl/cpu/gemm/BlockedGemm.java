package dev.pearl.cpu.gemm;

/**
 * BLIS-style driver shared by every element type and kernel: for each NC-wide column block and
 * KC-deep slice, pack op(B) into nr-wide micro-panels, then for each MC-tall row block pack op(A)
 * into mr-tall micro-panels and sweep the micro-kernel over the tiles. Packing reads through the
 * operand's strides, so transposed inputs cost nothing extra, and the packed panels are contiguous
 * and zero-padded, so the kernel never sees an edge. Ragged tiles go through a small scratch tile.
 */
final class BlockedGemm<A> {
    private final ArrayOps<A> ops;
    final MicroKernel<A> kernel;
    private final int mc, kc, nc;
    /** Packing buffers per thread: concurrent calls never share one, repeated calls reuse them. */
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /** Block sizes mc x kc (A) and kc x nc (B); mc, nc are rounded down to whole micro-panels. */
    BlockedGemm(ArrayOps<A> ops, MicroKernel<A> kernel, Blocking blocks) {
        this.ops = ops;
        this.kernel = kernel;
        this.kc = blocks.kc;
        this.mc = Math.max(1, blocks.mc / kernel.mr) * kernel.mr;
        this.nc = Math.max(1, blocks.nc / kernel.nr) * kernel.nr;
    }

    /** The kernel's shape and tile and the block sizes in use, e.g. "8x3 vectors = 8x48, KC=384 MC=192 NC=4080". */
    String describe() {
        return kernel.name + " = " + kernel.mr + "x" + kernel.nr + ", KC=" + kc + " MC=" + mc + " NC=" + nc;
    }

    /** C[i0, i1) x [j0, j1) = op(A) op(B) over all of k; C has row stride ldc from cOff. */
    void run(View<A> a, View<A> b, int k, A c, int cOff, int ldc, int i0, int i1, int j0, int j1) {
        int mr = kernel.mr, nr = kernel.nr;
        Buffers buf = buffers.get();
        A tile = buf.tile(mr * nr);
        int slices = (k + kc - 1) / kc;
        int sliceDepth = (k + slices - 1) / slices; // equal slices: no thin leftover pass over C
        for (int jc = j0; jc < j1; jc += nc) {
            int ncur = Math.min(nc, j1 - jc);
            int nPanels = (ncur + nr - 1) / nr;
            for (int pc = 0; pc < k; pc += sliceDepth) {
                int depth = Math.min(sliceDepth, k - pc);
                boolean acc = pc > 0;
                A bp = buf.b(nPanels * nr * depth);
                for (int jp = 0; jp < nPanels; jp++) {
                    int j = jc + jp * nr;
                    int rows = Math.min(nr, jc + ncur - j);
                    if (b.kStarts == null) ops.packPanel(b.data, b.at(j, pc), b.rs, b.cs, rows, nr, depth, bp, jp * nr * depth);
                    else ops.packRuns(b.data, b.kStarts, pc, b.off + j, rows, nr, depth, bp, jp * nr * depth);
                }
                for (int ic = i0; ic < i1; ic += mc) {
                    int mcur = Math.min(mc, i1 - ic);
                    int mPanels = (mcur + mr - 1) / mr;
                    A ap = buf.a(mPanels * mr * depth);
                    for (int ip = 0; ip < mPanels; ip++) {
                        int i = ic + ip * mr;
                        ops.packPanel(a.data, a.at(i, pc), a.rs, a.cs, Math.min(mr, ic + mcur - i), mr, depth, ap, ip * mr * depth);
                    }
                    for (int jp = 0; jp < nPanels; jp++) {
                        int cols = Math.min(nr, ncur - jp * nr);
                        for (int ip = 0; ip < mPanels; ip++) {
                            int rows = Math.min(mr, mcur - ip * mr);
                            int co = cOff + (ic + ip * mr) * ldc + jc + jp * nr;
                            if (rows == mr && cols == nr) {
                                kernel.compute(depth, ap, ip * mr * depth, bp, jp * nr * depth, c, co, ldc, acc);
                            } else {
                                kernel.compute(depth, ap, ip * mr * depth, bp, jp * nr * depth, tile, 0, nr, false);
                                ops.tileOut(tile, nr, c, co, ldc, rows, cols, acc);
                            }
                        }
                    }
                }
            }
        }
    }

    /** One thread's packing space, grown on demand and kept for the next call. */
    private final class Buffers {
        private A a, b, tile;

        A a(int n) { return a = fit(a, n); }

        A b(int n) { return b = fit(b, n); }

        A tile(int n) { return tile = fit(tile, n); }

        private A fit(A buf, int n) {
            return buf != null && ops.length(buf) >= n ? buf : ops.alloc(n);
        }
    }
}
