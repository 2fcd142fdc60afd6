package dev.pearl.cpu;

import dev.pearl.backend.ReduceOp;
import dev.pearl.cpu.parallel.ThreadPool;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;

import java.util.Arrays;

/**
 * Sum and max along axes, accumulated in double. After merging neighbouring axes that are both
 * kept or both reduced, the input is [outer, inner] with one of the two reduced; both layouts are
 * split over threads without shared writes; [outer, reduced, inner] is the second layout per outer
 * slice. Longer layouts ending in a reduced group reduce that group first; the others are first
 * permuted into the first layout.
 */
final class Reductions {
    private static final int PARALLEL_MIN = 1 << 15;

    private Reductions() {
    }

    /** Reduces x (shape in) over the flagged axes into out (same rank, reduced axes of size 1). */
    static void reduce(ThreadPool pool, ReduceOp op, CpuStorage x, Shape in, boolean[] reduced, CpuStorage out) {
        int r = in.rank();
        // Groups of consecutive axes with the same flag (size-1 axes join any group).
        int[] groupSize = new int[r + 1];
        boolean[] groupReduced = new boolean[r + 1];
        int g = 0;
        for (int i = 0; i < r; i++) {
            int d = in.dim(i);
            if (d == 1) continue;
            if (g > 0 && groupReduced[g - 1] == reduced[i]) {
                groupSize[g - 1] *= d;
            } else {
                groupSize[g] = d;
                groupReduced[g] = reduced[i];
                g++;
            }
        }
        if (g == 0 || g == 1 && !groupReduced[0]) {
            // Nothing to reduce: a copy.
            for (int i = 0; i < in.size(); i++) out.storeOne(i, x.get(i));
            return;
        }
        if (g == 1) {
            rowReduce(pool, op, x, 1, groupSize[0], out);
        } else if (g == 2 && groupReduced[1]) {
            rowReduce(pool, op, x, groupSize[0], groupSize[1], out);
        } else if (g == 2) {
            columnReduce(pool, op, x, 0, groupSize[0], groupSize[1], out, 0);
        } else if (g == 3 && groupReduced[1]) {
            // [outer, rows, cols] reduced over rows (a pooling window of cases-last planes): a column reduction per outer slice.
            int rows = groupSize[1], cols = groupSize[2];
            for (int o = 0; o < groupSize[0]; o++) columnReduce(pool, op, x, o * rows * cols, rows, cols, out, o * cols);
        } else if (groupReduced[g - 1]) {
            // Innermost group first, in place, into doubles; then the groups left (a bias
            // gradient's [batch, channels, pixels] becomes [batch, channels], a column sum).
            int last = groupSize[g - 1], rest = in.size() / last;
            CpuStorage partial = CpuStorage.allocate(DType.FLOAT64, rest);
            rowReduce(pool, op, x, rest, last, partial);
            int[] dims = Arrays.copyOf(groupSize, g - 1);
            reduce(pool, op, partial, Shape.of(dims), Arrays.copyOf(groupReduced, g - 1), out);
        } else {
            permutedReduce(pool, op, x, in, reduced, out);
        }
    }

    /**
     * out[i] = reduce_j x[i, j] for x of shape [rows, len]. Short rows are read several at a time
     * (one gather and one store per chunk, not per row), long rows a chunk at a time.
     */
    private static void rowReduce(ThreadPool pool, ReduceOp op, CpuStorage x, int rows, int len, CpuStorage out) {
        int perChunk = StridedEngine.CHUNK / Math.max(len, 1);
        ThreadPool.RangeBody body = perChunk >= 2 ? (lo, hi) -> {
            double[] buf = new double[perChunk * len];
            double[] res = new double[perChunk];
            for (int i = lo; i < hi; i += perChunk) {
                int m = Math.min(perChunk, hi - i);
                x.gather(i * len, 1, buf, m * len);
                for (int r = 0; r < m; r++) res[r] = op == ReduceOp.SUM ? sum(buf, r * len, len) : max(buf, r * len, len);
                out.store(i, res, m);
            }
        } : (lo, hi) -> {
            double[] buf = new double[StridedEngine.CHUNK];
            for (int i = lo; i < hi; i++) {
                double acc = op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY;
                for (int j = 0; j < len; j += buf.length) {
                    int n = Math.min(buf.length, len - j);
                    x.gather(i * len + j, 1, buf, n);
                    acc = op == ReduceOp.SUM ? acc + sum(buf, 0, n) : Math.max(acc, max(buf, 0, n));
                }
                out.storeOne(i, acc);
            }
        };
        if ((long) rows * len < PARALLEL_MIN || rows < pool.threads()) body.run(0, rows);
        else pool.parallelRanges(rows, Math.max(1, perChunk), body);
    }

    /** out[outOff + j] = reduce_i x[xOff + i·cols + j] over [rows, cols]; threads own column ranges. */
    private static void columnReduce(ThreadPool pool, ReduceOp op, CpuStorage x, int xOff, int rows, int cols, CpuStorage out, int outOff) {
        ThreadPool.RangeBody body = op == ReduceOp.MAX && rows > 0 && x.f != null && out.f != null
                ? (lo, hi) -> floatColumnMax(x.f, xOff, rows, cols, out.f, outOff, lo, hi) : (lo, hi) -> {
            int w = hi - lo;
            double[] acc = new double[w];
            if (op == ReduceOp.MAX) java.util.Arrays.fill(acc, Double.NEGATIVE_INFINITY);
            double[] buf = new double[w];
            for (int i = 0; i < rows; i++) {
                x.gather(xOff + i * cols + lo, 1, buf, w);
                if (op == ReduceOp.SUM) for (int j = 0; j < w; j++) acc[j] += buf[j];
                else for (int j = 0; j < w; j++) acc[j] = Math.max(acc[j], buf[j]);
            }
            out.store(outOff + lo, acc, w);
        };
        if ((long) rows * cols < PARALLEL_MIN) body.run(0, cols);
        else pool.parallelRanges(cols, 64, body);
    }

    /** Columns [lo, hi) of a float32 column max, in float: a maximum is exact, so widening would change nothing. */
    private static void floatColumnMax(float[] x, int xOff, int rows, int cols, float[] out, int outOff, int lo, int hi) {
        System.arraycopy(x, xOff + lo, out, outOff + lo, hi - lo);
        for (int i = 1; i < rows; i++) {
            int row = xOff + i * cols;
            ElementMath.maxInto(x, row + lo, out, outOff + lo, hi - lo);
        }
    }

    /** General layout: copy with kept axes first, reduced axes last, then reduce rows. */
    private static void permutedReduce(ThreadPool pool, ReduceOp op, CpuStorage x, Shape in, boolean[] reduced, CpuStorage out) {
        int r = in.rank();
        int[] perm = new int[r];
        int p = 0, keptSize = 1;
        for (int i = 0; i < r; i++) if (!reduced[i]) { perm[p++] = i; keptSize *= in.dim(i); }
        for (int i = 0; i < r; i++) if (reduced[i]) perm[p++] = i;
        CpuStorage t = CpuStorage.allocate(x.f != null ? DType.FLOAT32 : DType.FLOAT64, in.size());
        Transposes.permute(pool, x, in, perm, t);
        rowReduce(pool, op, t, keptSize, in.size() / Math.max(keptSize, 1), out);
    }

    /** The sum of b[from .. from+n). */
    private static double sum(double[] b, int from, int n) {
        // Four partial sums: shorter dependency chains and a little less rounding error.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from, end = from + n;
        for (; i + 3 < end; i += 4) {
            s0 += b[i];
            s1 += b[i + 1];
            s2 += b[i + 2];
            s3 += b[i + 3];
        }
        for (; i < end; i++) s0 += b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** The max of b[from .. from+n), NaN if one is NaN. */
    private static double max(double[] b, int from, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            double v = b[i];
            if (v > m || v != v) m = v;
            if (m != m) return m;
        }
        return m;
    }
}
