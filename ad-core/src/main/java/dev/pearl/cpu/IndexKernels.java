package dev.pearl.cpu;

import dev.pearl.backend.ScatterPlan;
import dev.pearl.cpu.parallel.ThreadPool;
import dev.pearl.tensor.Index;

/**
 * Gather by an index table and its adjoint, scatter-add, on tensors viewed as
 * [outer, positions, inner]. Work splits over rows and, for long rows, over ranges of positions.
 * The scatter-add runs as a gather-and-sum through the index's {@link ScatterPlan}: each output
 * element sums its own sources in a fixed order, so no two threads write one element and the
 * result does not depend on the thread count. Blocks of inner > 1 elements move with
 * {@code System.arraycopy} and add in vectorisable loops; single elements go one by one.
 */
final class IndexKernels {
    /** Elements per task: below this a split costs more than it saves. */
    private static final int GRAIN = 1 << 14;

    private IndexKernels() {
    }

    /** y (zero-filled, [outer, index.size(), inner]) receives x[o, index[m], k]; -1 entries stay 0. */
    static void gather(ThreadPool pool, CpuStorage x, int outer, int size, int inner, Index index, CpuStorage y) {
        int count = index.size();
        if (outer == 0 || count == 0 || inner == 0) return;
        int pieces = pieces(count, inner);
        Object src = x.array(), dst = y.array();
        pool.parallelFor(outer * pieces, t -> {
            int o = t / pieces, c = t % pieces;
            int from = part(count, c, pieces), to = part(count, c + 1, pieces);
            int xo = o * size * inner, yo = o * count * inner;
            if (inner == 1) {
                for (int m = from; m < to; m++) {
                    int v = index.get(m);
                    if (v >= 0) y.storeOne(yo + m, x.get(xo + v));
                }
            } else {
                for (int m = from; m < to; m++) {
                    int v = index.get(m);
                    if (v >= 0) System.arraycopy(src, xo + v * inner, dst, yo + m * inner, inner);
                }
            }
        });
    }

    /** y (zero-filled, [outer, size, inner]) receives the sums of g[o, m, k] over the m with index[m] = s. */
    static void scatterAdd(ThreadPool pool, CpuStorage g, int outer, int size, int inner, Index index, CpuStorage y) {
        if (outer == 0 || size == 0 || inner == 0) return;
        ScatterPlan plan = index.scatterPlan(size);
        int count = index.size();
        int pieces = pieces(size, inner);
        Object src = g.array(), dst = y.array();
        pool.parallelFor(outer * pieces, t -> {
            int o = t / pieces, c = t % pieces;
            int from = part(size, c, pieces), to = part(size, c + 1, pieces);
            int go = o * count * inner, yo = o * size * inner;
            for (int s = from; s < to; s++) {
                int j0 = plan.start(s), j1 = plan.start(s + 1);
                if (j0 == j1) continue;
                if (inner == 1) {
                    double sum = 0;
                    for (int j = j0; j < j1; j++) sum += g.get(go + plan.source(j));
                    y.storeOne(yo + s, sum);
                } else {
                    // Runs of inner values: the first copied, the others added in the output's dtype, in index order.
                    int out = yo + s * inner;
                    System.arraycopy(src, go + plan.source(j0) * inner, dst, out, inner);
                    for (int j = j0 + 1; j < j1; j++) y.addFrom(g, go + plan.source(j) * inner, out, inner);
                }
            }
        });
    }

    /** Pieces per row of {@code positions} blocks of {@code inner} elements: about GRAIN elements each. */
    private static int pieces(int positions, int inner) {
        long work = (long) positions * inner;
        return (int) Math.max(1, Math.min(positions, (work + GRAIN - 1) / GRAIN));
    }

    private static int part(int n, int c, int pieces) {
        return (int) ((long) n * c / pieces);
    }
}
