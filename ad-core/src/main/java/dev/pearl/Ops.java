package dev.pearl;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ReduceOp;
import dev.pearl.prim.Arithmetic;
import dev.pearl.prim.Compare;
import dev.pearl.prim.Concat;
import dev.pearl.prim.Convolution;
import dev.pearl.prim.Gather;
import dev.pearl.prim.MatMul;
import dev.pearl.prim.Pooling;
import dev.pearl.prim.Reduce;
import dev.pearl.prim.ScatterAdd;
import dev.pearl.prim.ShapeOps;
import dev.pearl.prim.Unary;
import dev.pearl.prim.UnaryOp;
import dev.pearl.prim.Where;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Every differentiable operation on tensors. Binary ops broadcast as NumPy does; inputs must
 * share a dtype and a backend (errors name the op, the shapes and the dtypes). Each op is a
 * primitive (forward, JVP and VJP declared together in {@code dev.pearl.prim}) or a composition
 * of primitives, so everything here can be differentiated to any order.
 */
public final class Ops {
    private Ops() {
    }

    // ---------------------------------------------------------------- creation

    public static Tensor zeros(Shape shape, DType dtype, Backend backend) {
        return backend.full(shape, dtype, 0);
    }

    public static Tensor full(Shape shape, DType dtype, Backend backend, double value) {
        return backend.full(shape, dtype, value);
    }

    /** Zeros with x's shape, dtype and backend (a constant: no derivative flows through it). */
    public static Tensor zerosLike(Tensor x) {
        return x.backend().full(x.shape(), x.dtype(), 0);
    }

    public static Tensor onesLike(Tensor x) {
        return x.backend().full(x.shape(), x.dtype(), 1);
    }

    /** A scalar constant in x's dtype on x's backend. */
    public static Tensor scalarLike(Tensor x, double value) {
        return x.backend().full(Shape.SCALAR, x.dtype(), value);
    }

    // ---------------------------------------------------------------- arithmetic

    public static Tensor add(Tensor a, Tensor b) { return Arithmetic.ADD.bind(a, b); }
    public static Tensor sub(Tensor a, Tensor b) { return Arithmetic.SUB.bind(a, b); }
    public static Tensor mul(Tensor a, Tensor b) { return Arithmetic.MUL.bind(a, b); }
    public static Tensor div(Tensor a, Tensor b) { return Arithmetic.DIV.bind(a, b); }

    public static Tensor add(Tensor x, double c) { return c == 0 ? x : Unary.apply(UnaryOp.ADD_SCALAR, c, x); }
    public static Tensor sub(Tensor x, double c) { return add(x, -c); }
    public static Tensor mul(Tensor x, double c) { return c == 1 ? x : Unary.apply(UnaryOp.SCALE, c, x); }
    public static Tensor div(Tensor x, double c) { return mul(x, 1.0 / c); }
    /** c - x. */
    public static Tensor sub(double c, Tensor x) { return add(neg(x), c); }
    /** c / x. */
    public static Tensor div(double c, Tensor x) { return mul(pow(x, -1), c); }

    public static Tensor neg(Tensor x) { return Unary.apply(UnaryOp.NEG, 0, x); }
    public static Tensor square(Tensor x) { return Unary.apply(UnaryOp.SQUARE, 0, x); }
    /** x^p for a constant p. */
    public static Tensor pow(Tensor x, double p) { return Unary.apply(UnaryOp.POW, p, x); }
    /** Derivative +inf at 0. */
    public static Tensor sqrt(Tensor x) { return Unary.apply(UnaryOp.SQRT, 0, x); }
    public static Tensor exp(Tensor x) { return Unary.apply(UnaryOp.EXP, 0, x); }
    public static Tensor log(Tensor x) { return Unary.apply(UnaryOp.LOG, 0, x); }
    public static Tensor log1p(Tensor x) { return Unary.apply(UnaryOp.LOG1P, 0, x); }
    public static Tensor tanh(Tensor x) { return Unary.apply(UnaryOp.TANH, 0, x); }
    public static Tensor sigmoid(Tensor x) { return Unary.apply(UnaryOp.SIGMOID, 0, x); }
    /** log(1 + e^x), computed without overflow. */
    public static Tensor softplus(Tensor x) { return Unary.apply(UnaryOp.SOFTPLUS, 0, x); }
    /** x/(1 + |x|), in (-1, 1); its second derivative jumps at 0. */
    public static Tensor softsign(Tensor x) { return Unary.apply(UnaryOp.SOFTSIGN, 0, x); }
    /** y(1 - y): sigmoid's derivative in terms of its output y, in one sweep. */
    public static Tensor logisticSlope(Tensor y) { return Unary.apply(UnaryOp.LOGISTIC_SLOPE, 0, y); }
    /** 1 - y²: tanh's derivative in terms of its output y, in one sweep. */
    public static Tensor tanhSlope(Tensor y) { return Unary.apply(UnaryOp.TANH_SLOPE, 0, y); }
    /** max(x, 0); its derivative at 0 is taken as 0. */
    public static Tensor relu(Tensor x) { return Unary.apply(UnaryOp.RELU, 0, x); }
    /** |x|; its derivative at 0 is taken as 0. */
    public static Tensor abs(Tensor x) { return Unary.apply(UnaryOp.ABS, 0, x); }
    /** 1 where x > 0, else 0: a mask, with zero derivative. */
    public static Tensor step(Tensor x) { return Unary.apply(UnaryOp.STEP, 0, x); }
    /** -1, 0 or 1, with zero derivative. */
    public static Tensor sign(Tensor x) { return Unary.apply(UnaryOp.SIGN, 0, x); }

    // ---------------------------------------------------------------- comparisons and masks

    public static Tensor gt(Tensor a, Tensor b) { return Compare.apply(BinaryOp.GT, a, b); }
    public static Tensor ge(Tensor a, Tensor b) { return Compare.apply(BinaryOp.GE, a, b); }
    public static Tensor lt(Tensor a, Tensor b) { return Compare.apply(BinaryOp.LT, a, b); }
    public static Tensor le(Tensor a, Tensor b) { return Compare.apply(BinaryOp.LE, a, b); }
    public static Tensor eq(Tensor a, Tensor b) { return Compare.apply(BinaryOp.EQ, a, b); }
    public static Tensor gt(Tensor a, double c) { return gt(a, scalarLike(a, c)); }
    public static Tensor ge(Tensor a, double c) { return ge(a, scalarLike(a, c)); }
    public static Tensor lt(Tensor a, double c) { return lt(a, scalarLike(a, c)); }
    public static Tensor le(Tensor a, double c) { return le(a, scalarLike(a, c)); }

    /** mask != 0 ? a : b (broadcast); differentiable in a and b, not in the mask. */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) { return Where.INSTANCE.bind(mask, a, b); }

    /** The value of x treated as a constant: no derivative flows through it. */
    public static Tensor stopGradient(Tensor x) { return ShapeOps.stopGradient(x); }

    public static Tensor cast(Tensor x, DType dtype) { return ShapeOps.cast(x, dtype); }

    // ---------------------------------------------------------------- linear algebra and shapes

    /** a·b for 2-D tensors. */
    public static Tensor matmul(Tensor a, Tensor b) { return MatMul.apply(a, b, false, false); }

    /** op(a)·op(b), where op transposes when its flag is set, without materialising the transpose. */
    public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return MatMul.apply(a, b, transposeA, transposeB);
    }

    /** Reverses the axes (the matrix transpose for 2-D). Prefer matmul's flags inside products. */
    public static Tensor transpose(Tensor x) {
        int[] perm = new int[x.rank()];
        for (int i = 0; i < perm.length; i++) perm[i] = perm.length - 1 - i;
        return transpose(x, perm);
    }

    /** Result axis i is input axis perm[i]. */
    public static Tensor transpose(Tensor x, int... perm) { return ShapeOps.transpose(x, perm); }

    /** Same elements, new shape; one dimension may be -1 (inferred). */
    public static Tensor reshape(Tensor x, int... shape) { return ShapeOps.reshape(x, inferShape(x, shape)); }

    public static Tensor broadcastTo(Tensor x, int... shape) { return ShapeOps.broadcastTo(x, Shape.of(shape)); }

    /**
     * Elements [start, end) along axis. In reverse mode its cotangent is x's full size (zeros
     * around the slice), so cutting a differentiated tensor into T pieces costs T full-size
     * cotangents: to walk a sequence, slice the data (which is not differentiated), or pick rows
     * with one {@link #gather(Tensor, int, Index)}, whose reverse is one scatter-add.
     */
    public static Tensor slice(Tensor x, int axis, int start, int end) { return ShapeOps.slice(x, axis, start, end); }

    public static Tensor concat(List<Tensor> parts, int axis) { return Concat.apply(parts, axis); }

    public static Tensor concat(int axis, Tensor... parts) { return Concat.apply(Arrays.asList(parts), axis); }

    // ---------------------------------------------------------------- indexing

    /**
     * The slices of x along axis that ids select: the axis is replaced by ids' shape, and an id
     * of -1 gives a zero slice (a padding token). ids are host data, never differentiated; an id
     * outside [-1, dim) is an error naming it. {@code gather(table, 0, ids)} is an embedding lookup.
     */
    public static Tensor gather(Tensor x, int axis, Index ids) { return Gather.apply(x, axis, ids); }

    /** {@link #gather(Tensor, int, Index)} with a 1-D list of ids. */
    public static Tensor gather(Tensor x, int axis, int... ids) { return Gather.apply(x, axis, Index.of(ids)); }

    /** The elements of x read flat (row-major) at ids, shaped like ids. */
    public static Tensor take(Tensor x, Index ids) { return Gather.apply(ShapeOps.reshape(x, Shape.of(x.size())), 0, ids); }

    /**
     * The adjoint of gather: the axes of g from axis on that match ids' shape become one axis of
     * the given size, each slice added at the position its id names (ids of -1 are dropped).
     */
    public static Tensor scatterAdd(Tensor g, int axis, Index ids, int size) { return ScatterAdd.apply(g, axis, ids, size); }

    // ---------------------------------------------------------------- convolution and pooling

    /** conv2d with stride 1, no padding and no dilation. */
    public static Tensor conv2d(Tensor x, Tensor w) { return Convolution.conv2d(x, w, ConvSpec.DEFAULT); }

    /**
     * 2-D cross-correlation of x [batch, C, H, W] with weights w [O, C, kh, kw], giving
     * [batch, O, outH, outW] with out = (in + 2·pad - dilation·(k - 1) - 1) / stride + 1.
     * Add a bias [O] as {@code add(y, reshape(b, O, 1, 1))}.
     */
    public static Tensor conv2d(Tensor x, Tensor w, ConvSpec spec) { return Convolution.conv2d(x, w, spec); }

    /** Maximum over kernel x kernel windows of x [batch, C, H, W] taken every stride pixels; the derivative goes to the maxima. */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride) { return Pooling.maxPool2d(x, kernel, stride); }

    /** Mean over kernel x kernel windows of x [batch, C, H, W] taken every stride pixels. */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride) { return Pooling.avgPool2d(x, kernel, stride); }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements (a scalar). */
    public static Tensor sum(Tensor x) { return Reduce.apply(ReduceOp.SUM, x, false); }

    /** Sum over the given axes, which are removed. */
    public static Tensor sum(Tensor x, int... axes) { return Reduce.apply(ReduceOp.SUM, x, false, nonEmpty(axes)); }

    public static Tensor sum(Tensor x, boolean keepDims, int... axes) { return Reduce.apply(ReduceOp.SUM, x, keepDims, nonEmpty(axes)); }

    public static Tensor mean(Tensor x) { return mul(sum(x), 1.0 / Math.max(1, x.size())); }

    public static Tensor mean(Tensor x, int... axes) { return mean(x, false, axes); }

    public static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        Tensor s = sum(x, keepDims, axes);
        return mul(s, (double) s.size() / Math.max(1, x.size()));
    }

    /** Maximum over the given axes; the derivative goes to the maximal elements (ties share). */
    public static Tensor max(Tensor x, boolean keepDims, int... axes) { return Reduce.apply(ReduceOp.MAX, x, keepDims, nonEmpty(axes)); }

    /** log Σ exp(x) along axis, stable for large |x|. */
    public static Tensor logSumExp(Tensor x, int axis, boolean keepDims) {
        // The shift m cancels exactly, so it can be a constant: no derivative through the max.
        Tensor m = stopGradient(max(x, true, axis));
        Tensor s = add(log(sum(exp(sub(x, m)), true, axis)), m);
        return keepDims ? s : reshape(s, Shape.of(dropAxis(s.shape(), axis)).dims());
    }

    public static Tensor softmax(Tensor x, int axis) { return exp(logSoftmax(x, axis)); }

    public static Tensor logSoftmax(Tensor x, int axis) { return sub(x, logSumExp(x, axis, true)); }

    // ---------------------------------------------------------------- helpers

    private static int[] nonEmpty(int[] axes) {
        if (axes.length == 0) throw new IllegalArgumentException("no axes given; use sum(x) / mean(x) to reduce all axes");
        return axes;
    }

    private static int[] dropAxis(Shape s, int axis) {
        int a = s.normalizeAxis(axis);
        int[] d = new int[s.rank() - 1];
        for (int i = 0, j = 0; i < s.rank(); i++) if (i != a) d[j++] = s.dim(i);
        return d;
    }

    private static Shape inferShape(Tensor x, int[] shape) {
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: only one dimension may be -1 in " + Arrays.toString(shape));
                infer = i;
            } else {
                known *= shape[i];
            }
        }
        if (infer < 0) return Shape.of(shape);
        if (known == 0 || x.size() % known != 0)
            throw new IllegalArgumentException("reshape: cannot view " + x.shape() + " as " + Arrays.toString(shape));
        int[] s = shape.clone();
        s[infer] = (int) (x.size() / known);
        return Shape.of(s);
    }
}
