package dev.pearl.gpu;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ReduceOp;
import dev.pearl.backend.UnaryOp;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;

import java.lang.ref.Reference;
import java.util.List;

/**
 * Pearl's tensor kernels on an OpenCL device, written in Java and compiled by Aparapi.
 *
 * <p>Tensors stay on the device: each is a range of a per-dtype arena that the one device
 * program of this backend holds (see {@link Arena}); ops launch that program on ranges of the
 * arenas and move no tensor data through the host. Data crosses only in {@link #fromArray},
 * {@link #toDoubleArray}/{@link #toFloatArray} (hence printing, {@code item()}, checkpoints),
 * and seeded random numbers, which are generated on the host exactly as the CPU backend does
 * (same seed, same values) and uploaded. {@link #transfers()} counts every crossing.
 *
 * <p>float32 works on every device; float64 needs cl_khr_fp64 and otherwise fails with a
 * one-line message. Obtain instances from {@link OpenCl}. Thread-safe: ops on one backend are
 * serialised (one device queue).
 */
public final class OpenClBackend implements Backend {
    private final Launcher launcher;
    private final Staging staging;
    private final IndexTables indexTables;
    private final Arena float32;
    private final Arena float64;
    private final boolean sharedMemory;
    /** Why float64 is unavailable, when it is. */
    private final String float64Off;
    /** Host-side generator of seeded random tensors, so that both backends give the same numbers. */
    private final Backend host = Backends.cpu(1);

    OpenClBackend(OpenCLDevice device, OpenClOptions options) {
        boolean shared = options.sharedMemory();
        // Aparapi reads this device flag when it creates buffers: USE_HOST_PTR when true, COPY_HOST_PTR when false.
        device.setSharedMemory(shared);
        this.sharedMemory = shared;
        OpenClOptions.MatmulForm form = options.matmul();
        if (form == OpenClOptions.MatmulForm.AUTO)
            form = device.getType() == Device.TYPE.CPU ? OpenClOptions.MatmulForm.STRIP : OpenClOptions.MatmulForm.TILED;
        Launcher compiled = Launcher.compile(device, form == OpenClOptions.MatmulForm.TILED, options.float64());
        if (compiled.kernel.tiled() && !compiled.fitsTiles()) {
            // This device cannot run 16x16 work-groups of the program: use the strip matmul instead.
            if (options.matmul() == OpenClOptions.MatmulForm.TILED)
                throw new OpenClException("opencl: " + Launcher.describe(device) + " cannot run the tiled matmul's " + Opcode.TILE + "x" + Opcode.TILE + " work-groups");
            compiled.release();
            compiled = Launcher.compile(device, false, options.float64());
        }
        this.launcher = compiled;
        this.float64Off = !options.float64() ? "disabled in its OpenClOptions" : "not supported by the device (no cl_khr_fp64)";
        this.staging = new Staging(launcher);
        this.indexTables = new IndexTables(launcher);
        long initial = options.initialArenaMiB() << 20, max = options.maxArenaMiB() << 20;
        this.float32 = new Arena(DType.FLOAT32, launcher, initial, max);
        this.float64 = new Arena(DType.FLOAT64, launcher, initial, max);
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public int threads() {
        return 1;
    }

    /**
     * Host-device traffic and launches so far.
     *
     * @return a snapshot of the counts since this backend was created
     */
    public TransferStats transfers() {
        synchronized (launcher) {
            return launcher.counter.snapshot();
        }
    }

    /**
     * Whether float64 tensors are supported (the device has cl_khr_fp64).
     *
     * @return whether float64 tensors can be made on this backend
     */
    public boolean supportsFloat64() {
        return launcher.kernel.hasFloat64();
    }

    /**
     * Whether the device program runs on the OpenCL device (Aparapi's isRunningCL).
     *
     * @return true when the program runs in OpenCL, not in a Java fallback
     */
    public boolean isRunningOnDevice() {
        return launcher.kernel.isRunningCL();
    }

    /**
     * The device's name as OpenCL reports it.
     *
     * @return the name, trimmed
     */
    public String deviceName() {
        return launcher.device.getName().trim();
    }

    /**
     * Which matmul kernel this backend uses: "tiled" (GPUs) or "strip" (CPU devices).
     *
     * @return "tiled" or "strip"
     */
    public String matmulKernel() {
        return launcher.kernel.tiled() ? "tiled" : "strip";
    }

    /**
     * Releases the device program and its buffers; this backend and its tensors become unusable.
     * (Deliberately not AutoCloseable: frameworks close such arguments, e.g. JUnit after each
     * parameterised invocation, and Aparapi would then silently rebuild the buffers from stale
     * host copies.)
     */
    public void release() {
        synchronized (launcher) {
            launcher.release();
        }
    }

    /** The device program instance (for tests that reach into the buffers). */
    DeviceKernel kernel() {
        return launcher.kernel;
    }

    // ---- storage and transfers ----

    private Arena arena(DType dtype) {
        if (dtype == DType.FLOAT64 && !supportsFloat64())
            throw new UnsupportedOperationException("opencl: float64 tensors are " + float64Off + " on '" + deviceName() + "'; use float32 or the cpu backend");
        return dtype == DType.FLOAT32 ? float32 : float64;
    }

    private DeviceStorage storage(DenseTensor t) {
        if (t.backend() != this)
            throw new IllegalArgumentException("tensor lives on backend '" + t.backend().name() + "', not on this opencl backend; copy it with copyFrom");
        return (DeviceStorage) t.storage();
    }

    private DenseTensor tensor(DeviceStorage s, Shape shape, DType dtype) {
        return new DenseTensor(this, s, shape, dtype);
    }

    private DeviceStorage allocate(Shape shape, DType dtype) {
        return arena(dtype).allocate(shape.size());
    }

    private static void checkSize(int length, Shape shape) {
        if (length != shape.size())
            throw new IllegalArgumentException("array of " + length + " values does not fit shape " + shape + " (" + shape.size() + " values)");
    }

    @Override
    public DenseTensor fromArray(double[] data, Shape shape, DType dtype) {
        return upload(dtype == DType.FLOAT64 ? data : toFloats(data), data.length, shape, dtype);
    }

    @Override
    public DenseTensor fromArray(float[] data, Shape shape, DType dtype) {
        return upload(dtype == DType.FLOAT32 ? data : toDoubles(data), data.length, shape, dtype);
    }

    /** A new tensor holding {@code data}, already in the host array type of {@code dtype} (float[] or double[]). */
    private DenseTensor upload(Object data, int length, Shape shape, DType dtype) {
        checkSize(length, shape);
        synchronized (launcher) {
            DeviceStorage s = allocate(shape, dtype);
            staging.upload(s, data);
            return tensor(s, shape, dtype);
        }
    }

    @Override
    public double[] toDoubleArray(DenseTensor x) {
        Object values = download(x);
        return values instanceof double[] doubles ? doubles : toDoubles((float[]) values);
    }

    @Override
    public float[] toFloatArray(DenseTensor x) {
        Object values = download(x);
        return values instanceof float[] floats ? floats : toFloats((double[]) values);
    }

    /** x's elements in the host array type of its dtype. */
    private Object download(DenseTensor x) {
        DeviceStorage s = storage(x);
        synchronized (launcher) {
            return staging.download(s);
        }
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) d[i];
        return f;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < d.length; i++) d[i] = f[i];
        return d;
    }

    // ---- creation ----

    @Override
    public DenseTensor full(Shape shape, DType dtype, double value) {
        synchronized (launcher) {
            DeviceStorage y = allocate(shape, dtype);
            DeviceKernel k = begin(Opcode.FILL, 0, dtype);
            k.yBase = y.offset;
            k.param(value);
            launcher.runElements(shape.size());
            return tensor(y, shape, dtype);
        }
    }

    @Override
    public DenseTensor randomNormal(Shape shape, DType dtype, long seed) {
        return copyFromHost(host.randomNormal(shape, dtype, seed));
    }

    @Override
    public DenseTensor randomUniform(Shape shape, DType dtype, long seed, double lo, double hi) {
        return copyFromHost(host.randomUniform(shape, dtype, seed, lo, hi));
    }

    private DenseTensor copyFromHost(DenseTensor onHost) {
        return onHost.dtype() == DType.FLOAT32
                ? fromArray(host.toFloatArray(onHost), onHost.shape(), DType.FLOAT32)
                : fromArray(host.toDoubleArray(onHost), onHost.shape(), DType.FLOAT64);
    }

    // ---- elementwise ----

    /** Selects the op of the next launch; float64 launches check fp64 support first. */
    private DeviceKernel begin(int op, int fn, DType dtype) {
        arena(dtype);
        DeviceKernel k = launcher.kernel;
        k.select(op, fn, dtype);
        return k;
    }

    @Override
    public DenseTensor unary(UnaryOp op, double param, DenseTensor x) {
        DeviceStorage sx = storage(x);
        synchronized (launcher) {
            DeviceStorage y = allocate(x.shape(), x.dtype());
            DeviceKernel k = begin(Opcode.UNARY, ElementFn.of(op), x.dtype());
            k.aBase = sx.offset;
            k.yBase = y.offset;
            k.param(param);
            launcher.runElements(x.size());
            Reference.reachabilityFence(sx);
            return tensor(y, x.shape(), x.dtype());
        }
    }

    @Override
    public DenseTensor binary(BinaryOp op, DenseTensor a, DenseTensor b, Shape outShape) {
        return broadcasting(Opcode.BINARY, ElementFn.of(op), outShape, a, b);
    }

    @Override
    public DenseTensor where(DenseTensor mask, DenseTensor a, DenseTensor b, Shape outShape) {
        if (mask.dtype() != a.dtype()) mask = cast(mask, a.dtype());
        return broadcasting(Opcode.WHERE, 0, outShape, a, b, mask);
    }

    private static final Operand[] INPUTS = {Operand.A, Operand.B, Operand.C};

    /** A new contiguous tensor of {@code outShape}: the op applied to the inputs (operands a, b, c in order), each broadcast to it. */
    private DenseTensor broadcasting(int opcode, int fn, Shape outShape, DenseTensor... inputs) {
        DType dtype = inputs[0].dtype();
        DeviceStorage[] sources = new DeviceStorage[inputs.length];
        int[][] strides = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            sources[i] = storage(inputs[i]);
            strides[i] = StridedLayout.broadcast(inputs[i].shape(), outShape);
        }
        synchronized (launcher) {
            DeviceStorage y = allocate(outShape, dtype);
            DeviceKernel k = begin(opcode, fn, dtype);
            StridedLayout layout = StridedLayout.of(outShape.dims(), strides);
            layout.applyShape(k);
            for (int i = 0; i < inputs.length; i++) layout.bind(k, INPUTS[i], sources[i].offset, i);
            k.yBase = y.offset;
            launcher.runElements(outShape.size());
            Reference.reachabilityFence(sources);
            return tensor(y, outShape, dtype);
        }
    }

    // ---- reductions and products ----

    @Override
    public DenseTensor reduce(ReduceOp op, DenseTensor x, int[] axes) {
        boolean[] reduced = new boolean[x.rank()];
        int[] outDims = x.shape().dims();
        for (int a : axes) {
            reduced[a] = true;
            outDims[a] = 1;
        }
        Shape outShape = Shape.of(outDims);
        if (x.size() == 0) return full(outShape, x.dtype(), op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY);
        DeviceStorage sx = storage(x);
        synchronized (launcher) {
            DeviceStorage y = allocate(outShape, x.dtype());
            if (outShape.size() > 0) Reductions.reduce(launcher, arena(x.dtype()), ElementFn.of(op), sx, x.shape(), reduced, y);
            Reference.reachabilityFence(sx);
            return tensor(y, outShape, x.dtype());
        }
    }

    @Override
    public DenseTensor matmul(DenseTensor a, DenseTensor b, boolean transposeA, boolean transposeB) {
        int m = transposeA ? a.dim(1) : a.dim(0);
        int k = transposeA ? a.dim(0) : a.dim(1);
        int n = transposeB ? b.dim(0) : b.dim(1);
        DeviceStorage sa = storage(a), sb = storage(b);
        synchronized (launcher) {
            Shape outShape = Shape.of(m, n);
            Arena arena = arena(a.dtype());
            DeviceStorage c = allocate(outShape, a.dtype());
            MatrixProducts.matmul(launcher, arena, launcher.kernel.tiled(), sa, sb, transposeA, transposeB, m, k, n, c);
            Reference.reachabilityFence(sa);
            Reference.reachabilityFence(sb);
            return tensor(c, outShape, a.dtype());
        }
    }

    // ---- copies ----

    /** y (contiguous, shape {@code outShape}) = x read with the given strides from {@code base}. */
    private DenseTensor gather(DenseTensor x, Shape outShape, int base, int[] strides) {
        DeviceStorage sx = storage(x);
        synchronized (launcher) {
            DeviceStorage y = allocate(outShape, x.dtype());
            if (outShape.size() > 0) {
                DeviceKernel k = begin(Opcode.COPY, 0, x.dtype());
                StridedLayout layout = StridedLayout.of(outShape.dims(), outShape.strides(), strides);
                layout.applyShape(k);
                layout.bind(k, Operand.Y, y.offset, 0);
                layout.bind(k, Operand.A, sx.offset + base, 1);
                launcher.runElements(outShape.size());
            }
            Reference.reachabilityFence(sx);
            return tensor(y, outShape, x.dtype());
        }
    }

    @Override
    public DenseTensor transpose(DenseTensor x, int[] perm) {
        int[] dims = new int[perm.length], strides = new int[perm.length];
        int[] inStrides = x.shape().strides();
        for (int i = 0; i < perm.length; i++) {
            dims[i] = x.dim(perm[i]);
            strides[i] = inStrides[perm[i]];
        }
        return gather(x, Shape.of(dims), 0, strides);
    }

    @Override
    public DenseTensor broadcastTo(DenseTensor x, Shape shape) {
        return gather(x, shape, 0, StridedLayout.broadcast(x.shape(), shape));
    }

    @Override
    public DenseTensor slice(DenseTensor x, int axis, int start, int end) {
        int[] strides = x.shape().strides();
        return gather(x, x.shape().withDim(axis, end - start), start * strides[axis], strides);
    }

    @Override
    public DenseTensor concat(List<DenseTensor> parts, int axis, Shape outShape) {
        DType dtype = parts.get(0).dtype();
        DeviceStorage[] sources = new DeviceStorage[parts.size()];
        for (int i = 0; i < sources.length; i++) sources[i] = storage(parts.get(i));
        synchronized (launcher) {
            DeviceStorage y = allocate(outShape, dtype);
            int[] outStrides = outShape.strides();
            int at = 0;
            for (int i = 0; i < sources.length; i++) {
                Shape part = parts.get(i).shape();
                if (part.size() > 0) {
                    DeviceKernel k = begin(Opcode.COPY, 0, dtype);
                    StridedLayout layout = StridedLayout.of(part.dims(), outStrides, part.strides());
                    layout.applyShape(k);
                    layout.bind(k, Operand.Y, y.offset + at * outStrides[axis], 0);
                    layout.bind(k, Operand.A, sources[i].offset, 1);
                    launcher.runElements(part.size());
                }
                at += part.dim(axis);
            }
            Reference.reachabilityFence(sources);
            return tensor(y, outShape, dtype);
        }
    }

    @Override
    public DenseTensor cast(DenseTensor x, DType dtype) {
        if (x.dtype() == dtype) return x;
        DeviceStorage sx = storage(x);
        synchronized (launcher) {
            DeviceStorage y = allocate(x.shape(), dtype);
            // The cast kernel lives in the float64 part of the program.
            DeviceKernel k = begin(Opcode.CAST, dtype == DType.FLOAT64 ? ElementFn.TO_FLOAT64 : ElementFn.TO_FLOAT32, DType.FLOAT64);
            k.aBase = sx.offset;
            k.yBase = y.offset;
            launcher.runElements(x.size());
            Reference.reachabilityFence(sx);
            return tensor(y, x.shape(), dtype);
        }
    }

    // ---- indexing ----

    @Override
    public DenseTensor gather(DenseTensor x, int outer, int size, int inner, Index index, Shape outShape) {
        DeviceStorage sx = storage(x);
        synchronized (launcher) {
            DeviceStorage y = allocate(outShape, x.dtype());
            if (outShape.size() > 0) {
                int table = indexTables.gather(index);
                DeviceKernel k = begin(Opcode.GATHER, 0, x.dtype());
                k.aBase = sx.offset;
                k.yBase = y.offset;
                k.gCount = index.size();
                k.gSize = size;
                k.gInner = inner;
                k.ixBase = table;
                launcher.runElements(outShape.size());
            }
            Reference.reachabilityFence(sx);
            return tensor(y, outShape, x.dtype());
        }
    }

    @Override
    public DenseTensor scatterAdd(DenseTensor g, int outer, int size, int inner, Index index, Shape outShape) {
        DeviceStorage sg = storage(g);
        synchronized (launcher) {
            DeviceStorage y = allocate(outShape, g.dtype());
            if (outShape.size() > 0) {
                int[] plan = indexTables.scatter(index, size);
                DeviceKernel k = begin(Opcode.SCATTER_ADD, 0, g.dtype());
                k.aBase = sg.offset;
                k.yBase = y.offset;
                k.gCount = index.size();
                k.gSize = size;
                k.gInner = inner;
                k.ixBase = plan[0];
                k.ixSources = plan[1];
                launcher.runElements(outShape.size());
            }
            Reference.reachabilityFence(sg);
            return tensor(y, outShape, g.dtype());
        }
    }

    @Override
    public String toString() {
        return "opencl(" + deviceName() + ", " + matmulKernel() + " matmul" + (sharedMemory ? ", shared memory" : "") + ")";
    }
}
