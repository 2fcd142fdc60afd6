package dev.pearl.tensor;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ElementFunction;
import dev.pearl.backend.ReduceOp;

import java.util.List;

/**
 * The few kernels every Pearl op is built from. A backend owns the storage of its tensors;
 * all inputs of one call live on this backend (ops check that before calling).
 * Implementations: {@code CpuBackend} (default) and the OpenCL backend in ad-gpu.
 */
public interface Backend {
    /** Short name used in messages, e.g. "cpu". */
    String name();

    /** Number of worker threads kernels may use (1 for devices that manage their own). */
    int threads();

    /** A tensor holding a copy of {@code data} converted to {@code dtype}. */
    DenseTensor fromArray(double[] data, Shape shape, DType dtype);

    /** A tensor holding a copy of {@code data} converted to {@code dtype}. */
    DenseTensor fromArray(float[] data, Shape shape, DType dtype);

    double[] toDoubleArray(DenseTensor x);

    float[] toFloatArray(DenseTensor x);

    DenseTensor full(Shape shape, DType dtype, double value);

    /** Seeded N(0,1) samples; the same seed gives the same tensor on this backend. */
    DenseTensor randomNormal(Shape shape, DType dtype, long seed);

    /** Seeded uniform samples in [lo, hi). */
    DenseTensor randomUniform(Shape shape, DType dtype, long seed, double lo, double hi);

    DenseTensor unary(ElementFunction op, double param, DenseTensor x);

    /** Elementwise op; {@code outShape} is the broadcast of the input shapes. */
    DenseTensor binary(BinaryOp op, DenseTensor a, DenseTensor b, Shape outShape);

    /** mask != 0 ? a : b, all three broadcast to {@code outShape}. */
    DenseTensor where(DenseTensor mask, DenseTensor a, DenseTensor b, Shape outShape);

    /** Reduces the given (sorted, distinct) axes; the result keeps them with size 1. */
    DenseTensor reduce(ReduceOp op, DenseTensor x, int[] axes);

    /** op(a) x op(b) for 2-D tensors; a transposed operand is never materialised. */
    DenseTensor matmul(DenseTensor a, DenseTensor b, boolean transposeA, boolean transposeB);

    /** Permutes axes: result dim i = x dim perm[i]. */
    DenseTensor transpose(DenseTensor x, int[] perm);

    DenseTensor broadcastTo(DenseTensor x, Shape shape);

    /** Elements [start, end) along axis. */
    DenseTensor slice(DenseTensor x, int axis, int start, int end);

    DenseTensor concat(List<DenseTensor> parts, int axis, Shape outShape);

    DenseTensor cast(DenseTensor x, DType dtype);

    /**
     * Gathers along the middle axis of x viewed as [outer, size, inner]:
     * {@code y[o, m, k] = x[o, index[m], k]}, 0 where {@code index[m] = -1}. The result holds
     * outer x index.size() x inner elements, shaped {@code outShape}. Index values lie in
     * [-1, size) (the op checks them before calling).
     */
    DenseTensor gather(DenseTensor x, int outer, int size, int inner, Index index, Shape outShape);

    /**
     * The adjoint of {@link #gather}: g viewed as [outer, index.size(), inner] is summed into
     * [outer, size, inner], {@code y[o, s, k] = Σ_{m: index[m] = s} g[o, m, k]} (entries -1 are
     * dropped), shaped {@code outShape}.
     */
    DenseTensor scatterAdd(DenseTensor g, int outer, int size, int inner, Index index, Shape outShape);

    /** A copy of a tensor that may live on another backend. */
    default DenseTensor copyFrom(DenseTensor x) {
        if (x.backend() == this) return x;
        return x.dtype() == DType.FLOAT32
                ? fromArray(x.backend().toFloatArray(x), x.shape(), DType.FLOAT32)
                : fromArray(x.backend().toDoubleArray(x), x.shape(), DType.FLOAT64);
    }
}
