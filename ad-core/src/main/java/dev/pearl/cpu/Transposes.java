package dev.pearl.cpu;

import dev.pearl.cpu.parallel.ThreadPool;
import dev.pearl.tensor.Shape;

/**
 * Axis permutation. A rotation of the axes (the trailing ones moved to the front, as in a matrix
 * transpose or [a, b, c] to [c, a, b]) is a transpose of one [rows, cols] matrix and runs in
 * square tiles, so both the reads and the writes stay within a few cache lines per tile; any
 * other permutation is a strided copy through {@link StridedEngine}.
 */
final class Transposes {
    /** Tile side: a 32 x 32 tile of doubles is 8 KiB, well inside L1. */
    private static final int TILE = 32;

    private Transposes() {
    }

    /** out (shape = in permuted) receives x with result dim i = input dim perm[i]. */
    static void permute(ThreadPool pool, CpuStorage x, Shape in, int[] perm, CpuStorage out) {
        int r = in.rank();
        int split = rotation(perm);
        if (split > 0) {
            int rows = 1;
            for (int i = 0; i < split; i++) rows *= in.dim(i);
            transpose(pool, x, rows, in.size() / Math.max(rows, 1), out);
            return;
        }
        int[] inStrides = in.strides();
        int[] outDims = new int[r];
        int[] viewStrides = new int[r];
        for (int i = 0; i < r; i++) {
            outDims[i] = in.dim(perm[i]);
            viewStrides[i] = inStrides[perm[i]];
        }
        StridedEngine.View v = new StridedEngine.View(x, 0, viewStrides);
        StridedEngine.run(pool, Shape.of(outDims), out, new StridedEngine.View[]{v}, StridedEngine.COPY, StridedEngine.FLOAT_COPY);
    }

    /** k in [1, rank) when perm is [k, k+1, .., rank-1, 0, 1, .., k-1], else 0. */
    private static int rotation(int[] perm) {
        int r = perm.length, k = r > 1 ? perm[0] : 0;
        if (k == 0) return 0;
        for (int i = 0; i < r; i++) if (perm[i] != (k + i) % r) return 0;
        return k;
    }

    /**
     * out [cols, rows] = x [rows, cols] transposed, tile by tile; threads own bands along the longer
     * side (a band of output rows, or of output columns when rows are the many).
     */
    private static void transpose(ThreadPool pool, CpuStorage x, int rows, int cols, CpuStorage out) {
        if ((long) rows * cols < (1 << 15)) tiles(x, out, rows, cols, 0, rows, 0, cols);
        else if (cols >= rows) pool.parallelRanges(cols, TILE, (lo, hi) -> tiles(x, out, rows, cols, 0, rows, lo, hi));
        else pool.parallelRanges(rows, TILE, (lo, hi) -> tiles(x, out, rows, cols, lo, hi, 0, cols));
    }

    /** The tiles of x's rows [r0, r1) and columns [c0, c1). */
    private static void tiles(CpuStorage x, CpuStorage out, int rows, int cols, int r0, int r1, int c0, int c1) {
        for (int ra = r0; ra < r1; ra += TILE) {
            int rb = Math.min(r1, ra + TILE);
            for (int ca = c0; ca < c1; ca += TILE) {
                int cb = Math.min(c1, ca + TILE);
                if (x.f != null) tile(x.f, out.f, rows, cols, ra, rb, ca, cb);
                else tile(x.d, out.d, rows, cols, ra, rb, ca, cb);
            }
        }
    }

    private static void tile(float[] x, float[] y, int rows, int cols, int r0, int r1, int c0, int c1) {
        for (int c = c0; c < c1; c++) {
            int yo = c * rows;
            for (int r = r0; r < r1; r++) y[yo + r] = x[r * cols + c];
        }
    }

    private static void tile(double[] x, double[] y, int rows, int cols, int r0, int r1, int c0, int c1) {
        for (int c = c0; c < c1; c++) {
            int yo = c * rows;
            for (int r = r0; r < r1; r++) y[yo + r] = x[r * cols + c];
        }
    }
}
