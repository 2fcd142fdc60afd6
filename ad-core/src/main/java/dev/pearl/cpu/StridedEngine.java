package dev.pearl.cpu;

import dev.pearl.cpu.parallel.ThreadPool;
import dev.pearl.tensor.Shape;

/**
 * Runs an elementwise computation over an output shape whose inputs are strided views
 * (broadcast dims have stride 0, permuted views have permuted strides). Adjacent dims that are
 * contiguous in every operand are merged, the innermost run is processed in chunks converted to
 * double (so one set of math loops serves float32 and float64), and rows are split over threads.
 * Ops whose float lanes are exact skip the conversion when every float32 operand is contiguous.
 */
final class StridedEngine {
    static final int CHUNK = 1024;
    private static final int PARALLEL_MIN = 1 << 15;
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[4][CHUNK]);

    /** Computes n outputs from inputs held in in[k][inOff[k] ..]. */
    interface ChunkFn {
        void apply(double[][] in, int[] inOff, double[] out, int outOff, int n);
    }

    /** Computes n float outputs from contiguous float inputs in[k][inOff[k] ..]. */
    interface FloatFn {
        void apply(float[][] in, int[] inOff, float[] out, int outOff, int n);
    }

    /** A strided view of an input: base offset and a stride per output axis. */
    static final class View {
        final CpuStorage storage;
        final int offset;
        final int[] strides;

        View(CpuStorage storage, int offset, int[] strides) {
            this.storage = storage;
            this.offset = offset;
            this.strides = strides;
        }

        /** A contiguous tensor of shape {@code in} broadcast to {@code out} (NumPy alignment). */
        static View broadcast(CpuStorage s, Shape in, Shape out) {
            int r = out.rank(), off = r - in.rank();
            int[] st = new int[r];
            int[] inStrides = in.strides();
            for (int i = 0; i < in.rank(); i++) st[i + off] = in.dim(i) == 1 ? 0 : inStrides[i];
            return new View(s, 0, st);
        }
    }

    private StridedEngine() {
    }

    static void run(ThreadPool pool, Shape outShape, CpuStorage out, View[] ins, ChunkFn fn) {
        run(pool, outShape, out, ins, fn, null);
    }

    /**
     * As run, but with floatFn (when not null) applied to the float arrays themselves where the
     * output and every input are float32 and contiguous over the whole shape.
     */
    static void run(ThreadPool pool, Shape outShape, CpuStorage out, View[] ins, ChunkFn fn, FloatFn floatFn) {
        int total = outShape.size();
        if (total == 0) return;
        int k = ins.length;
        // Merge dims from the innermost out: dims i-1 and i merge when every input is contiguous across them.
        int r = outShape.rank();
        int[] dims = new int[Math.max(r, 1)];
        int[][] st = new int[k][Math.max(r, 1)];
        int nd = 0;
        if (r == 0) {
            dims[0] = 1;
            nd = 1;
        }
        for (int i = r - 1; i >= 0; i--) {
            int d = outShape.dim(i);
            if (d == 1) continue;
            if (nd > 0 && canMerge(ins, st, nd, i, dims[nd - 1])) {
                dims[nd - 1] *= d;
                continue;
            }
            dims[nd] = d;
            for (int j = 0; j < k; j++) st[j][nd] = ins[j].strides[i];
            nd++;
        }
        if (nd == 0) {
            dims[0] = 1;
            nd = 1;
        }
        // dims/st are now innermost-first.
        final int ndims = nd;
        final int inner = dims[0];
        final int rows = total / inner;
        if (floatFn != null && ndims == 1 && allContiguousFloat(out, ins, st)) {
            runFloat(pool, total, out, ins, floatFn);
        } else if (pool.threads() == 1 || total < PARALLEL_MIN) {
            runRows(0, rows, dims, st, ndims, inner, out, ins, fn);
        } else if (rows == 1) {
            splitSingleRow(pool, inner, st, out, ins, fn);
        } else {
            pool.parallelRanges(rows, 1, (lo, hi) -> runRows(lo, hi, dims, st, ndims, inner, out, ins, fn));
        }
    }

    private static boolean allContiguousFloat(CpuStorage out, View[] ins, int[][] st) {
        if (out.f == null) return false;
        for (int j = 0; j < ins.length; j++) if (ins[j].storage.f == null || st[j][0] != 1) return false;
        return true;
    }

    /** The whole output as one run of floats, in CHUNK-aligned slices per thread. */
    private static void runFloat(ThreadPool pool, int total, CpuStorage out, View[] ins, FloatFn fn) {
        int k = ins.length;
        float[][] src = new float[k][];
        int[] base = new int[k];
        for (int j = 0; j < k; j++) {
            src[j] = ins[j].storage.f;
            base[j] = ins[j].offset;
        }
        if (pool.threads() == 1 || total < PARALLEL_MIN) {
            fn.apply(src, base, out.f, 0, total);
            return;
        }
        pool.parallelRanges(total, CHUNK, (lo, hi) -> {
            int[] offs = new int[k];
            for (int j = 0; j < k; j++) offs[j] = base[j] + lo;
            fn.apply(src, offs, out.f, lo, hi - lo);
        });
    }

    private static boolean canMerge(View[] ins, int[][] st, int nd, int axis, int innerDim) {
        for (int j = 0; j < ins.length; j++) {
            int outer = ins[j].strides[axis];
            if (outer != st[j][nd - 1] * innerDim) return false;
        }
        return true;
    }

    /** One long contiguous run: split it into slices, one per thread. */
    private static void splitSingleRow(ThreadPool pool, int inner, int[][] st, CpuStorage out, View[] ins, ChunkFn fn) {
        pool.parallelRanges(inner, CHUNK, (lo, hi) -> {
            int[] offs = new int[ins.length];
            for (int j = 0; j < ins.length; j++) offs[j] = ins[j].offset + lo * st[j][0];
            runSpan(offs, st, lo, hi - lo, out, ins, fn);
        });
    }

    private static void runRows(int lo, int hi, int[] dims, int[][] st, int nd, int inner, CpuStorage out, View[] ins, ChunkFn fn) {
        int k = ins.length;
        int[] idx = new int[nd];
        // Decompose the starting row into indices of dims[1..nd).
        int rem = lo;
        for (int a = 1; a < nd; a++) {
            idx[a] = rem % dims[a];
            rem /= dims[a];
        }
        int[] offs = new int[k];
        for (int row = lo; row < hi; row++) {
            for (int j = 0; j < k; j++) {
                int o = ins[j].offset;
                for (int a = 1; a < nd; a++) o += idx[a] * st[j][a];
                offs[j] = o;
            }
            runSpan(offs, st, row * inner, inner, out, ins, fn);
            for (int a = 1; a < nd; a++) {
                if (++idx[a] < dims[a]) break;
                idx[a] = 0;
            }
        }
    }

    private static void runSpan(int[] offs, int[][] st, int outStart, int len, CpuStorage out, View[] ins, ChunkFn fn) {
        int k = ins.length;
        double[][] bufs = BUFFERS.get();
        double[][] src = new double[k][];
        int[] srcOff = new int[k];
        for (int done = 0; done < len; done += CHUNK) {
            int n = Math.min(CHUNK, len - done);
            for (int j = 0; j < k; j++) {
                int stride = st[j][0];
                CpuStorage s = ins[j].storage;
                int off = offs[j] + done * stride;
                if (s.d != null && stride == 1) {
                    src[j] = s.d;
                    srcOff[j] = off;
                } else {
                    s.gather(off, stride, bufs[j], n);
                    src[j] = bufs[j];
                    srcOff[j] = 0;
                }
            }
            if (out.d != null) {
                fn.apply(src, srcOff, out.d, outStart + done, n);
            } else {
                double[] ob = bufs[3];
                fn.apply(src, srcOff, ob, 0, n);
                out.store(outStart + done, ob, n);
            }
        }
    }
}
