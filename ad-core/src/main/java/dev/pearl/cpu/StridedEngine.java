package dev.pearl.cpu;

import dev.pearl.cpu.parallel.ThreadPool;
import dev.pearl.tensor.Shape;

/**
 * Runs an elementwise computation over an output shape whose inputs are strided views
 * (broadcast dims have stride 0, permuted views have permuted strides). Adjacent dims that are
 * contiguous in every operand are merged, the innermost run is processed in chunks converted to
 * double (so one set of math loops serves float32 and float64), and rows are split over threads.
 * Ops whose float lanes are exact (copies among them) skip the conversion for float32 operands:
 * runs that are contiguous are read in place, broadcast and strided runs through a float chunk.
 */
final class StridedEngine {
    static final int CHUNK = 1024;
    private static final int PARALLEL_MIN = 1 << 15;
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[4][CHUNK]);
    private static final ThreadLocal<float[][]> FLOAT_BUFFERS = ThreadLocal.withInitial(() -> new float[3][CHUNK]);

    /** Computes n outputs from inputs held in in[k][inOff[k] ..]. */
    interface ChunkFn {
        void apply(double[][] in, int[] inOff, double[] out, int outOff, int n);
    }

    /** Computes n float outputs from contiguous float inputs in[k][inOff[k] ..]. */
    interface FloatFn {
        void apply(float[][] in, int[] inOff, float[] out, int outOff, int n);
    }

    /** Copies input 0: with {@link #FLOAT_COPY}, a strided or broadcast copy of either dtype. */
    static final ChunkFn COPY = (in, off, out, oo, n) -> System.arraycopy(in[0], off[0], out, oo, n);
    static final FloatFn FLOAT_COPY = (in, off, out, oo, n) -> System.arraycopy(in[0], off[0], out, oo, n);

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
     * As run, but with floatFn (when not null) applied to float arrays where the output and every
     * input are float32: contiguous runs read in place, broadcast and strided runs through float
     * chunk buffers, so exact ops skip the widening to double.
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
        boolean inFloat = floatFn != null && allFloat(out, ins);
        if (inFloat && ndims == 1 && allContiguous(st)) {
            runFloat(pool, total, out, ins, floatFn);
            return;
        }
        FloatFn lanes = inFloat ? floatFn : null;
        if (pool.threads() == 1 || total < PARALLEL_MIN) {
            runRows(0, rows, dims, st, ndims, inner, out, ins, fn, lanes);
        } else if (rows == 1) {
            splitSingleRow(pool, inner, st, out, ins, fn, lanes);
        } else {
            pool.parallelRanges(rows, 1, (lo, hi) -> runRows(lo, hi, dims, st, ndims, inner, out, ins, fn, lanes));
        }
    }

    private static boolean allFloat(CpuStorage out, View[] ins) {
        if (out.f == null || ins.length > FLOAT_BUFFERS.get().length) return false;
        for (View in : ins) if (in.storage.f == null) return false;
        return true;
    }

    private static boolean allContiguous(int[][] st) {
        for (int[] s : st) if (s[0] != 1) return false;
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
    private static void splitSingleRow(ThreadPool pool, int inner, int[][] st, CpuStorage out, View[] ins, ChunkFn fn, FloatFn lanes) {
        pool.parallelRanges(inner, CHUNK, (lo, hi) -> {
            int[] offs = new int[ins.length];
            for (int j = 0; j < ins.length; j++) offs[j] = ins[j].offset + lo * st[j][0];
            runSpan(offs, st, lo, hi - lo, out, ins, fn, lanes);
        });
    }

    private static void runRows(int lo, int hi, int[] dims, int[][] st, int nd, int inner, CpuStorage out, View[] ins, ChunkFn fn, FloatFn lanes) {
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
            runSpan(offs, st, row * inner, inner, out, ins, fn, lanes);
            for (int a = 1; a < nd; a++) {
                if (++idx[a] < dims[a]) break;
                idx[a] = 0;
            }
        }
    }

    /**
     * The len outputs from outStart, a chunk at a time: each input's run is read in place where it
     * is contiguous and already of the element type the function takes (double, or float when
     * floatFn is given), else gathered into a chunk buffer of that type.
     */
    private static void runSpan(int[] offs, int[][] st, int outStart, int len, CpuStorage out, View[] ins, ChunkFn fn, FloatFn floatFn) {
        int k = ins.length;
        boolean asFloat = floatFn != null;
        Object[] bufs = asFloat ? FLOAT_BUFFERS.get() : BUFFERS.get();
        Object[] src = asFloat ? new float[k][] : new double[k][];
        int[] srcOff = new int[k];
        for (int done = 0; done < len; done += CHUNK) {
            int n = Math.min(CHUNK, len - done);
            for (int j = 0; j < k; j++)
                ins[j].storage.source(offs[j] + done * st[j][0], st[j][0], n, bufs[j], src, srcOff, j);
            if (asFloat) {
                floatFn.apply((float[][]) src, srcOff, out.f, outStart + done, n);
            } else if (out.d != null) {
                fn.apply((double[][]) src, srcOff, out.d, outStart + done, n);
            } else {
                double[] ob = ((double[][]) bufs)[3];
                fn.apply((double[][]) src, srcOff, ob, 0, n);
                out.store(outStart + done, ob, n);
            }
        }
    }
}
