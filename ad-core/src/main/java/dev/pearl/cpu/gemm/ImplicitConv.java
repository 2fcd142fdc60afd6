package dev.pearl.cpu.gemm;

import dev.pearl.cpu.parallel.ThreadPool;

import java.util.function.IntConsumer;

/**
 * 2-D convolution with stride 1 on inputs held cases last ([channels, height, width, batch]),
 * computed as matrix products that read the input where it lies (an implicit GEMM) instead of
 * through an im2col matrix, which for LeNet's first layer is 78 MB streamed through memory three
 * times per gradient. With stride 1 the window of tap (c, ky, kx) over one output row is one
 * contiguous run, outW x batch long, of the zero-padded input. So per output row:
 * <ul>
 *   <li>the forward pass is W [out, taps] times the matrix whose rows are those runs, packed by the
 *   blocked driver straight from the input ({@link View#runs});</li>
 *   <li>the weight gradient is the output gradient's row [out, outW x batch] times the runs
 *   transposed: the dot kernel with B's rows at the runs' offsets; the rows' products are added
 *   in row order;</li>
 *   <li>the input gradient is Wᵀ [taps, out] times the output gradient's row, each tap's run of
 *   the product added back where that tap read the input (col2im, a chunk of columns at a time, so
 *   the runs stay in cache). Rows whose windows overlap add into the same input rows, so rows are
 *   taken in phases of rows a window's height apart.</li>
 * </ul>
 * Output rows are spread over the threads, each computed whole by one, and sums over rows are
 * added in row (or phase) order, so no result depends on the thread count. float[] and double[] arrays alike (one generic path over {@link Engine}).
 */
public final class ImplicitConv {
    /** Columns of an output row taken at a time by the input gradient, at most: each tap's run stays in L2... */
    static final int SCATTER_CHUNK = 1024;
    /** ...and all taps' runs of one chunk take about this many elements (1 or 2 MiB; at least 64 columns). */
    static final int SCATTER_ELEMENTS = 1 << 18;
    /** Per thread, a float[] and a double[] scratch for the input gradient's runs, kept between calls. */
    private static final ThreadLocal<Object[]> SCRATCH = ThreadLocal.withInitial(() -> new Object[2]);

    private ImplicitConv() {
    }

    /**
     * A stride-1 convolution's extent: input [channels, height, width, batch], weights [outChannels,
     * channels, kernelH, kernelW], zero padding and tap spacing per axis.
     *
     * @param batch cases, the innermost axis
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param outChannels output channels
     * @param kernelH kernel height
     * @param kernelW kernel width
     * @param padH zero rows above and below
     * @param padW zero columns left and right
     * @param dilationH vertical tap spacing
     * @param dilationW horizontal tap spacing
     */
    public record Geometry(int batch, int channels, int height, int width, int outChannels, int kernelH, int kernelW,
                           int padH, int padW, int dilationH, int dilationW) {
        int outH() {
            return height + 2 * padH - dilationH * (kernelH - 1);
        }

        int outW() {
            return width + 2 * padW - dilationW * (kernelW - 1);
        }

        int taps() {
            return channels * kernelH * kernelW;
        }

        int paddedH() {
            return height + 2 * padH;
        }

        int paddedW() {
            return width + 2 * padW;
        }

        boolean padded() {
            return padH > 0 || padW > 0;
        }

        /** Where input row (c, y) starts inside the zero-padded input [channels, paddedH, paddedW, batch]. */
        int paddedRow(int c, int y) {
            return ((c * paddedH() + y + padH) * paddedW() + padW) * batch;
        }
    }

    /**
     * Whether these kernels compute g: the Vector API kernels are on (the weight gradient needs the
     * dot kernel) and no extent is empty.
     *
     * @param g the geometry
     * @return true when {@link #forward}, {@link #inputGradient} and {@link #weightGradient} apply
     */
    public static boolean supports(Geometry g) {
        return Gemm.vectorized() && g.outH() > 0 && g.outW() > 0 && g.batch > 0 && g.channels > 0 && g.outChannels > 0;
    }

    /**
     * y [out, outH, outW, batch] = the convolution of x [channels, height, width, batch] with w.
     *
     * @param g the geometry ({@link #supports} must hold)
     * @param x the input, float[] or double[]
     * @param w the weights [out, channels, kernelH, kernelW], same type
     * @param y the output, written whole
     * @param pool threads for the output rows, or null for the caller's
     */
    public static void forward(Geometry g, Object x, Object w, Object y, ThreadPool pool) {
        forward(engine(x), g, x, w, y, pool);
    }

    /**
     * dx [channels, height, width, batch] = the input gradient of the convolution for output gradient dy.
     *
     * @param g the geometry ({@link #supports} must hold)
     * @param dy the output gradient [out, outH, outW, batch]
     * @param w the weights
     * @param dx the input gradient, written whole
     * @param pool threads, or null
     */
    public static void inputGradient(Geometry g, Object dy, Object w, Object dx, ThreadPool pool) {
        inputGradient(engine(dy), g, dy, w, dx, pool);
    }

    /**
     * dw [out, channels, kernelH, kernelW] = the weight gradient of the convolution of x for output gradient dy.
     *
     * @param g the geometry ({@link #supports} must hold)
     * @param x the input
     * @param dy the output gradient
     * @param dw the weight gradient, written whole
     * @param pool threads, or null
     */
    public static void weightGradient(Geometry g, Object x, Object dy, Object dw, ThreadPool pool) {
        weightGradient(engine(x), g, x, dy, dw, pool);
    }

    @SuppressWarnings("unchecked")
    private static <A> Engine<A> engine(Object array) {
        KernelChoice choice = Gemm.choice();
        if (array instanceof float[]) return (Engine<A>) choice.floats;
        if (array instanceof double[]) return (Engine<A>) choice.doubles;
        throw new IllegalArgumentException("implicit convolution: float[] or double[] expected, got " + array.getClass().getSimpleName());
    }

    private static <A> void forward(Engine<A> e, Geometry g, A x, A w, A y, ThreadPool pool) {
        int outH = g.outH(), n = g.outW() * g.batch, ldc = outH * n, inRow = g.paddedW() * g.batch;
        A padded = padded(e.ops, x, g);
        int[] starts = tapStarts(g);
        rows(outH, pool, oy -> e.gemmRuns(g.outChannels, n, g.taps(), w, padded, oy * inRow, starts, y, oy * n, ldc));
    }

    private static <A> void inputGradient(Engine<A> e, Geometry g, A dy, A w, A dx, ThreadPool pool) {
        int outH = g.outH(), taps = g.taps(), n = g.outW() * g.batch, inRow = g.paddedW() * g.batch;
        int extent = g.dilationH * (g.kernelH - 1) + 1, run = g.width * g.batch;
        A target = g.padded() ? e.ops.alloc(g.channels * g.paddedH() * inRow) : dx;
        if (!g.padded()) e.ops.zero(dx, 0, g.channels * g.height * run);
        int[] starts = tapStarts(g);
        // Rows extent apart add into disjoint input rows: each phase runs such rows side by side,
        // and every input element receives its rows' terms in phase order, whatever the threads.
        for (int phase = 0; phase < Math.min(extent, outH); phase++) {
            int first = phase, count = (outH - 1 - phase) / extent + 1;
            rows(count, pool, i -> scatterRow(e, g, dy, w, target, starts, first + i * extent, n, inRow, taps));
        }
        if (g.padded())
            for (int c = 0; c < g.channels; c++)
                for (int y = 0; y < g.height; y++) System.arraycopy(target, g.paddedRow(c, y), dx, (c * g.height + y) * run, run);
    }

    /**
     * Adds output row oy's share of the input gradient into target (the padded input's extent): per
     * chunk of columns, Wᵀ [taps, out] times the output gradient's row gives each tap's run, which
     * is added where that tap read the input.
     */
    private static <A> void scatterRow(Engine<A> e, Geometry g, A dy, A w, A target, int[] starts, int oy, int n, int inRow, int taps) {
        int out = g.outChannels, outRows = g.outH();
        int chunk = Math.max(64, Math.min(SCATTER_CHUNK, SCATTER_ELEMENTS / taps));
        A runs = scratch(e.ops, taps * chunk);
        View<A> weightsT = new View<>(w, 0, 1, taps);
        for (int j0 = 0; j0 < n; j0 += chunk) {
            int cols = Math.min(chunk, n - j0);
            e.blocked.run(weightsT, new View<>(dy, oy * n + j0, 1, outRows * n), out, runs, 0, cols, 0, taps, 0, cols);
            for (int t = 0; t < taps; t++) e.ops.addTo(runs, t * cols, target, starts[t] + oy * inRow + j0, cols);
        }
    }

    /** This thread's scratch array of at least size elements, of A's type. */
    @SuppressWarnings("unchecked")
    private static <A> A scratch(ArrayOps<A> ops, int size) {
        Object[] held = SCRATCH.get();
        int slot = ops == FloatArrays.INSTANCE ? 0 : 1;
        if (held[slot] == null || ops.length((A) held[slot]) < size) held[slot] = ops.alloc(size);
        return (A) held[slot];
    }

    private static <A> void weightGradient(Engine<A> e, Geometry g, A x, A dy, A dw, ThreadPool pool) {
        int outH = g.outH(), out = g.outChannels, taps = g.taps(), k = g.outW() * g.batch, inRow = g.paddedW() * g.batch, size = out * taps;
        A padded = padded(e.ops, x, g);
        int[] starts = tapStarts(g);
        A partial = e.ops.alloc(outH * size);
        rows(outH, pool, oy -> {
            int[] runs = new int[taps];
            for (int t = 0; t < taps; t++) runs[t] = starts[t] + oy * inRow;
            e.dot.runRows(k, dy, oy * k, outH * k, padded, runs, partial, oy * size, taps, 0, out, 0, taps);
        });
        System.arraycopy(partial, 0, dw, 0, size);
        for (int oy = 1; oy < outH; oy++) e.ops.addTo(partial, oy * size, dw, 0, size);
    }

    /** Offset of tap (c, ky, kx)'s run at output row 0 in the padded input, taps in weight order. */
    private static int[] tapStarts(Geometry g) {
        int paddedH = g.paddedH(), paddedW = g.paddedW();
        int[] starts = new int[g.taps()];
        int t = 0;
        for (int c = 0; c < g.channels; c++)
            for (int ky = 0; ky < g.kernelH; ky++)
                for (int kx = 0; kx < g.kernelW; kx++)
                    starts[t++] = ((c * paddedH + ky * g.dilationH) * paddedW + kx * g.dilationW) * g.batch;
        return starts;
    }

    /** x [channels, height, width, batch] inside a border of zeros, or x itself when there is none. */
    private static <A> A padded(ArrayOps<A> ops, A x, Geometry g) {
        if (!g.padded()) return x;
        int run = g.width * g.batch;
        A p = ops.alloc(g.channels * g.paddedH() * g.paddedW() * g.batch);
        for (int c = 0; c < g.channels; c++)
            for (int y = 0; y < g.height; y++) System.arraycopy(x, (c * g.height + y) * run, p, g.paddedRow(c, y), run);
        return p;
    }

    private static void rows(int count, ThreadPool pool, IntConsumer row) {
        if (pool == null || pool.threads() == 1) for (int i = 0; i < count; i++) row.accept(i);
        else pool.parallelFor(count, row);
    }
}
