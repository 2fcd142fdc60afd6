package dev.pearl.cpu;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ConvPass;
import dev.pearl.backend.ElementFunction;
import dev.pearl.backend.ReduceOp;
import dev.pearl.cpu.gemm.Gemm;
import dev.pearl.cpu.gemm.ImplicitConv;
import dev.pearl.cpu.parallel.ThreadPool;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;

import java.util.List;
import java.util.SplittableRandom;

/** The default backend: Java arrays, blocked multi-threaded matmul, chunked elementwise kernels. */
public final class CpuBackend implements Backend {
    private final ThreadPool pool;

    public CpuBackend(int threads) {
        this.pool = new ThreadPool(threads);
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int threads() {
        return pool.threads();
    }

    public ThreadPool pool() {
        return pool;
    }

    private DenseTensor tensor(CpuStorage s, Shape shape, DType dtype) {
        return new DenseTensor(this, s, shape, dtype);
    }

    private DenseTensor allocate(Shape shape, DType dtype) {
        return tensor(CpuStorage.allocate(dtype, shape.size()), shape, dtype);
    }

    private CpuStorage storage(DenseTensor t) {
        if (t.backend() != this)
            throw new IllegalArgumentException("tensor lives on backend '" + t.backend().name() + "', not on this cpu backend; copy it with copyFrom");
        return (CpuStorage) t.storage();
    }

    @Override
    public DenseTensor fromArray(double[] data, Shape shape, DType dtype) {
        checkSize(data.length, shape);
        if (dtype == DType.FLOAT64) return tensor(CpuStorage.wrap(data.clone()), shape, dtype);
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
        return tensor(CpuStorage.wrap(f), shape, dtype);
    }

    @Override
    public DenseTensor fromArray(float[] data, Shape shape, DType dtype) {
        checkSize(data.length, shape);
        if (dtype == DType.FLOAT32) return tensor(CpuStorage.wrap(data.clone()), shape, dtype);
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) d[i] = data[i];
        return tensor(CpuStorage.wrap(d), shape, dtype);
    }

    private static void checkSize(int length, Shape shape) {
        if (length != shape.size())
            throw new IllegalArgumentException("array of " + length + " values does not fit shape " + shape + " (" + shape.size() + " values)");
    }

    @Override
    public double[] toDoubleArray(DenseTensor x) {
        CpuStorage s = storage(x);
        if (s.d != null) return s.d.clone();
        double[] d = new double[s.f.length];
        for (int i = 0; i < d.length; i++) d[i] = s.f[i];
        return d;
    }

    @Override
    public float[] toFloatArray(DenseTensor x) {
        CpuStorage s = storage(x);
        if (s.f != null) return s.f.clone();
        float[] f = new float[s.d.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) s.d[i];
        return f;
    }

    @Override
    public DenseTensor full(Shape shape, DType dtype, double value) {
        DenseTensor t = allocate(shape, dtype);
        CpuStorage s = storage(t);
        if (value != 0) {
            if (s.f != null) java.util.Arrays.fill(s.f, (float) value);
            else java.util.Arrays.fill(s.d, value);
        }
        return t;
    }

    @Override
    public DenseTensor randomNormal(Shape shape, DType dtype, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian();
        return fromArray(v, shape, dtype);
    }

    @Override
    public DenseTensor randomUniform(Shape shape, DType dtype, long seed, double lo, double hi) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[shape.size()];
        for (int i = 0; i < v.length; i++) v[i] = lo + (hi - lo) * rng.nextDouble();
        if (dtype == DType.FLOAT32) {
            // Rounding to float may reach hi itself; keep the interval half-open.
            for (int i = 0; i < v.length; i++) if ((float) v[i] >= hi) v[i] = Math.nextDown((float) hi);
        }
        return fromArray(v, shape, dtype);
    }

    @Override
    public DenseTensor unary(ElementFunction op, double param, DenseTensor x) {
        DenseTensor y = allocate(x.shape(), x.dtype());
        UnaryKernel kernel = UnaryKernel.of(op);
        StridedEngine.View v = StridedEngine.View.broadcast(storage(x), x.shape(), x.shape());
        StridedEngine.FloatFn inFloat = !ElementMath.floatLanes(kernel, param) ? null
                : (in, off, out, oo, n) -> FloatLanes.unary(kernel, (float) param, in[0], off[0], out, oo, n);
        StridedEngine.run(pool, x.shape(), storage(y), new StridedEngine.View[]{v},
                (in, off, out, oo, n) -> ElementMath.unary(kernel, op, param, in[0], off[0], out, oo, n), inFloat);
        return y;
    }

    @Override
    public DenseTensor binary(BinaryOp op, DenseTensor a, DenseTensor b, Shape outShape) {
        DenseTensor y = allocate(outShape, a.dtype());
        StridedEngine.View[] views = {
                StridedEngine.View.broadcast(storage(a), a.shape(), outShape),
                StridedEngine.View.broadcast(storage(b), b.shape(), outShape)};
        StridedEngine.FloatFn inFloat = ElementMath.floatLanes(op)
                ? (in, off, out, oo, n) -> FloatLanes.binary(op, in[0], off[0], in[1], off[1], out, oo, n)
                : ElementMath.floatInDouble(op) ? (in, off, out, oo, n) -> VectorMath.floatInDouble(op, in[0], off[0], in[1], off[1], out, oo, n)
                : null;
        StridedEngine.run(pool, outShape, storage(y), views,
                (in, off, out, oo, n) -> ElementMath.binary(op, in[0], off[0], in[1], off[1], out, oo, n), inFloat);
        return y;
    }

    @Override
    public DenseTensor where(DenseTensor mask, DenseTensor a, DenseTensor b, Shape outShape) {
        DenseTensor y = allocate(outShape, a.dtype());
        StridedEngine.View[] views = {
                StridedEngine.View.broadcast(storage(mask), mask.shape(), outShape),
                StridedEngine.View.broadcast(storage(a), a.shape(), outShape),
                StridedEngine.View.broadcast(storage(b), b.shape(), outShape)};
        StridedEngine.run(pool, outShape, storage(y), views,
                (in, off, out, oo, n) -> ElementMath.where(in[0], off[0], in[1], off[1], in[2], off[2], out, oo, n));
        return y;
    }

    @Override
    public DenseTensor reduce(ReduceOp op, DenseTensor x, int[] axes) {
        boolean[] reduced = new boolean[x.rank()];
        int[] outDims = x.shape().dims();
        for (int a : axes) {
            reduced[a] = true;
            outDims[a] = 1;
        }
        DenseTensor y = allocate(Shape.of(outDims), x.dtype());
        if (x.size() == 0) {
            return full(y.shape(), x.dtype(), op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY);
        }
        Reductions.reduce(pool, op, storage(x), x.shape(), reduced, storage(y));
        return y;
    }

    @Override
    public DenseTensor matmul(DenseTensor a, DenseTensor b, boolean transposeA, boolean transposeB) {
        int m = transposeA ? a.dim(1) : a.dim(0);
        int k = transposeA ? a.dim(0) : a.dim(1);
        int n = transposeB ? b.dim(0) : b.dim(1);
        DenseTensor c = allocate(Shape.of(m, n), a.dtype());
        CpuStorage sa = storage(a), sb = storage(b), sc = storage(c);
        if (a.dtype() == DType.FLOAT32) Gemm.sgemm(transposeA, transposeB, m, n, k, sa.f, 0, sb.f, 0, sc.f, 0, pool);
        else Gemm.dgemm(transposeA, transposeB, m, n, k, sa.d, 0, sb.d, 0, sc.d, 0, pool);
        return c;
    }

    /**
     * Stride-1 convolutions run as implicit GEMMs that read the input's runs of cases in place
     * ({@link ImplicitConv}); other strides, empty extents and the scalar fallback (no Vector
     * API) go through the im2col matrix (the default).
     */
    @Override
    public DenseTensor convolution(ConvPass pass, DenseTensor a, DenseTensor b, ConvSpec spec, Shape out) {
        Shape x = pass.input(a.shape(), b.shape(), out), w = pass.weights(a.shape(), b.shape(), out);
        ImplicitConv.Geometry g = new ImplicitConv.Geometry(x.dim(3), x.dim(0), x.dim(1), x.dim(2), w.dim(0), w.dim(2), w.dim(3),
                spec.padH(), spec.padW(), spec.dilationH(), spec.dilationW());
        if (spec.strideH() != 1 || spec.strideW() != 1 || !ImplicitConv.supports(g)) return Backend.super.convolution(pass, a, b, spec, out);
        DenseTensor y = allocate(out, a.dtype());
        Object first = storage(a).array(), second = storage(b).array(), result = storage(y).array();
        switch (pass) {
            case FORWARD -> ImplicitConv.forward(g, first, second, result, pool);
            case INPUT_GRADIENT -> ImplicitConv.inputGradient(g, first, second, result, pool);
            case WEIGHT_GRADIENT -> ImplicitConv.weightGradient(g, first, second, result, pool);
        }
        return y;
    }

    @Override
    public DenseTensor transpose(DenseTensor x, int[] perm) {
        int[] dims = new int[perm.length];
        for (int i = 0; i < perm.length; i++) dims[i] = x.dim(perm[i]);
        DenseTensor y = allocate(Shape.of(dims), x.dtype());
        Transposes.permute(pool, storage(x), x.shape(), perm, storage(y));
        return y;
    }

    @Override
    public DenseTensor broadcastTo(DenseTensor x, Shape shape) {
        DenseTensor y = allocate(shape, x.dtype());
        StridedEngine.View v = StridedEngine.View.broadcast(storage(x), x.shape(), shape);
        StridedEngine.run(pool, shape, storage(y), new StridedEngine.View[]{v}, StridedEngine.COPY, StridedEngine.FLOAT_COPY);
        return y;
    }

    @Override
    public DenseTensor slice(DenseTensor x, int axis, int start, int end) {
        Shape out = x.shape().withDim(axis, end - start);
        DenseTensor y = allocate(out, x.dtype());
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= x.dim(i);
        for (int i = axis + 1; i < x.rank(); i++) inner *= x.dim(i);
        Object src = storage(x).array(), dst = storage(y).array();
        int inRow = x.dim(axis) * inner, outRow = (end - start) * inner;
        for (int o = 0; o < outer; o++) System.arraycopy(src, o * inRow + start * inner, dst, o * outRow, outRow);
        return y;
    }

    @Override
    public DenseTensor concat(List<DenseTensor> parts, int axis, Shape outShape) {
        DenseTensor y = allocate(outShape, parts.get(0).dtype());
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= outShape.dim(i);
        for (int i = axis + 1; i < outShape.rank(); i++) inner *= outShape.dim(i);
        Object dst = storage(y).array();
        int outRow = outShape.dim(axis) * inner, at = 0;
        for (DenseTensor p : parts) {
            Object src = storage(p).array();
            int row = p.dim(axis) * inner;
            for (int o = 0; o < outer; o++) System.arraycopy(src, o * row, dst, o * outRow + at, row);
            at += row;
        }
        return y;
    }

    @Override
    public DenseTensor cast(DenseTensor x, DType dtype) {
        if (x.dtype() == dtype) return x;
        CpuStorage s = storage(x);
        return s.f != null ? fromArray(s.f, x.shape(), dtype) : fromArray(s.d, x.shape(), dtype);
    }

    @Override
    public DenseTensor gather(DenseTensor x, int outer, int size, int inner, Index index, Shape outShape) {
        DenseTensor y = allocate(outShape, x.dtype());
        IndexKernels.gather(pool, storage(x), outer, size, inner, index, storage(y));
        return y;
    }

    @Override
    public DenseTensor scatterAdd(DenseTensor g, int outer, int size, int inner, Index index, Shape outShape) {
        DenseTensor y = allocate(outShape, g.dtype());
        IndexKernels.scatterAdd(pool, storage(g), outer, size, inner, index, storage(y));
        return y;
    }

    @Override
    public String toString() {
        return "cpu(" + pool.threads() + " threads" + (Gemm.vectorized() ? ", vector API" : ", scalar") + ")";
    }
}
