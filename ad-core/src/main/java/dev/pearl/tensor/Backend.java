package dev.pearl.tensor;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ConvPass;
import dev.pearl.backend.ElementFunction;
import dev.pearl.backend.ReduceOp;

import java.util.List;

/**
 * The few kernels every Pearl op is built from. A backend owns the storage of its tensors;
 * all inputs of one call live on this backend (ops check that before calling).
 * Implementations: {@code CpuBackend} (default) and the OpenCL backend in ad-gpu.
 */
public interface Backend {
    /**
     * Short name used in messages, e.g. "cpu".
     *
     * @return the backend's name
     */
    String name();

    /**
     * Number of worker threads kernels may use (1 for devices that manage their own).
     *
     * @return at least 1
     */
    int threads();

    /**
     * A tensor holding a copy of {@code data} converted to {@code dtype}.
     *
     * @param data the elements in row-major order; not kept
     * @param shape the shape, whose size equals data.length
     * @param dtype the element type
     * @return a new tensor on this backend
     */
    DenseTensor fromArray(double[] data, Shape shape, DType dtype);

    /**
     * A tensor holding a copy of {@code data} converted to {@code dtype}.
     *
     * @param data the elements in row-major order; not kept
     * @param shape the shape, whose size equals data.length
     * @param dtype the element type
     * @return a new tensor on this backend
     */
    DenseTensor fromArray(float[] data, Shape shape, DType dtype);

    /**
     * The elements of x as doubles, in row-major order.
     *
     * @param x a tensor on this backend
     * @return a new array of x.size() elements
     */
    double[] toDoubleArray(DenseTensor x);

    /**
     * The elements of x as floats (float64 is rounded), in row-major order.
     *
     * @param x a tensor on this backend
     * @return a new array of x.size() elements
     */
    float[] toFloatArray(DenseTensor x);

    /**
     * A tensor with every element equal to value.
     *
     * @param shape the shape
     * @param dtype the element type
     * @param value the value, rounded to dtype
     * @return a new tensor on this backend
     */
    DenseTensor full(Shape shape, DType dtype, double value);

    /**
     * Seeded N(0,1) samples; the same seed gives the same tensor on this backend.
     *
     * @param shape the shape
     * @param dtype the element type
     * @param seed the random seed
     * @return a new tensor on this backend
     */
    DenseTensor randomNormal(Shape shape, DType dtype, long seed);

    /**
     * Seeded uniform samples in [lo, hi).
     *
     * @param shape the shape
     * @param dtype the element type
     * @param seed the random seed
     * @param lo the lower bound, included
     * @param hi the upper bound, excluded
     * @return a new tensor on this backend
     */
    DenseTensor randomUniform(Shape shape, DType dtype, long seed, double lo, double hi);

    /**
     * An elementwise function of one tensor. A backend runs the functions it knows by
     * {@link ElementFunction#name()}; the CPU runs any other through its scalar formula.
     *
     * @param op the function
     * @param param its constant parameter (the exponent of pow, the factor of scale, the addend of
     *              addScalar; ignored by the others)
     * @param x the input
     * @return a new tensor shaped like x
     */
    DenseTensor unary(ElementFunction op, double param, DenseTensor x);

    /**
     * Elementwise op; {@code outShape} is the broadcast of the input shapes.
     *
     * @param op the operation
     * @param a the left operand
     * @param b the right operand
     * @param outShape the broadcast shape of a and b
     * @return a new tensor of outShape
     */
    DenseTensor binary(BinaryOp op, DenseTensor a, DenseTensor b, Shape outShape);

    /**
     * mask != 0 ? a : b, all three broadcast to {@code outShape}.
     *
     * @param mask the selector
     * @param a the values where mask is non-zero
     * @param b the values where mask is zero
     * @param outShape the broadcast shape of the three
     * @return a new tensor of outShape
     */
    DenseTensor where(DenseTensor mask, DenseTensor a, DenseTensor b, Shape outShape);

    /**
     * Reduces the given (sorted, distinct) axes; the result keeps them with size 1.
     *
     * @param op the reduction
     * @param x the input
     * @param axes the axes to reduce, sorted, distinct and non-negative
     * @return a new tensor of x's rank
     */
    DenseTensor reduce(ReduceOp op, DenseTensor x, int[] axes);

    /**
     * op(a) x op(b) for 2-D tensors; a transposed operand is never materialised.
     *
     * @param a a 2-D tensor
     * @param b a 2-D tensor whose inner dimension matches a's
     * @param transposeA whether to use aᵀ
     * @param transposeB whether to use bᵀ
     * @return the new [rows of op(a), columns of op(b)] product
     */
    DenseTensor matmul(DenseTensor a, DenseTensor b, boolean transposeA, boolean transposeB);

    /**
     * Permutes axes: result dim i = x dim perm[i].
     *
     * @param x the input
     * @param perm a permutation of 0 .. rank-1
     * @return a new tensor with permuted axes
     */
    DenseTensor transpose(DenseTensor x, int[] perm);

    /**
     * x repeated along its size-1 or missing leading axes.
     *
     * @param x the input
     * @param shape a shape x broadcasts to
     * @return a tensor of that shape
     */
    DenseTensor broadcastTo(DenseTensor x, Shape shape);

    /**
     * Elements [start, end) along axis.
     *
     * @param x the input
     * @param axis a non-negative axis
     * @param start the first index kept
     * @param end one past the last index kept
     * @return a new tensor
     */
    DenseTensor slice(DenseTensor x, int axis, int start, int end);

    /**
     * The parts joined along axis.
     *
     * @param parts the tensors, equal off the axis
     * @param axis a non-negative axis
     * @param outShape the joined shape
     * @return a new tensor of outShape
     */
    DenseTensor concat(List<DenseTensor> parts, int axis, Shape outShape);

    /**
     * x converted to another element type.
     *
     * @param x the input
     * @param dtype the new element type
     * @return a tensor shaped like x
     */
    DenseTensor cast(DenseTensor x, DType dtype);

    /**
     * Gathers along the middle axis of x viewed as [outer, size, inner]:
     * {@code y[o, m, k] = x[o, index[m], k]}, 0 where {@code index[m] = -1}. The result holds
     * outer x index.size() x inner elements, shaped {@code outShape}. Index values lie in
     * [-1, size) (the op checks them before calling).
     *
     * @param x the input
     * @param outer the product of the dimensions before the gathered axis
     * @param size the gathered axis' length
     * @param inner the product of the dimensions after it
     * @param index the positions read, in [-1, size)
     * @param outShape the result's shape
     * @return a new tensor of outShape
     */
    DenseTensor gather(DenseTensor x, int outer, int size, int inner, Index index, Shape outShape);

    /**
     * The adjoint of {@link #gather}: g viewed as [outer, index.size(), inner] is summed into
     * [outer, size, inner], {@code y[o, s, k] = Σ_{m: index[m] = s} g[o, m, k]} (entries -1 are
     * dropped), shaped {@code outShape}.
     *
     * @param g the slices to add
     * @param outer the product of the dimensions before the scattered axis
     * @param size the length of the result's scattered axis
     * @param inner the product of the dimensions after it
     * @param index the target positions, in [-1, size)
     * @param outShape the result's shape
     * @return a new tensor of outShape
     */
    DenseTensor scatterAdd(DenseTensor g, int outer, int size, int inner, Index index, Shape outShape);

    /**
     * One of a convolution's three products ({@link ConvPass}), tensors held cases last: FORWARD
     * takes input [C, H, W, batch] and weights [O, C, kh, kw] and gives [O, outH, outW, batch];
     * INPUT_GRADIENT takes the output gradient and the weights and gives the input's shape;
     * WEIGHT_GRADIENT takes the input and the output gradient and gives the weights' shape. Shapes
     * are checked by the caller. The default computes it with this backend's gather, matmul and
     * scatterAdd over an im2col matrix; a backend with a kernel of its own overrides it.
     *
     * @param pass which product
     * @param a the first operand (input, or output gradient for INPUT_GRADIENT)
     * @param b the second operand (weights, or output gradient for WEIGHT_GRADIENT)
     * @param spec strides, paddings and dilations
     * @param out the result's shape
     * @return the result, of shape out
     */
    default DenseTensor convolution(ConvPass pass, DenseTensor a, DenseTensor b, ConvSpec spec, Shape out) {
        return ConvLowering.convolution(this, pass, a, b, spec, out);
    }

    /**
     * A copy of a tensor that may live on another backend.
     *
     * @param x a tensor on any backend
     * @return x itself if it lives here, else a copy on this backend with the same dtype
     */
    default DenseTensor copyFrom(DenseTensor x) {
        if (x.backend() == this) return x;
        return x.dtype() == DType.FLOAT32
                ? fromArray(x.backend().toFloatArray(x), x.shape(), DType.FLOAT32)
                : fromArray(x.backend().toDoubleArray(x), x.shape(), DType.FLOAT64);
    }
}
