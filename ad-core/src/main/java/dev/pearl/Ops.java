package dev.pearl;

import dev.pearl.backend.BinaryOp;
import dev.pearl.backend.ReduceOp;
import dev.pearl.prim.Arithmetic;
import dev.pearl.prim.Compare;
import dev.pearl.prim.Concat;
import dev.pearl.prim.Convolution;
import dev.pearl.prim.Gather;
import dev.pearl.prim.LogisticCrossEntropy;
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

    /**
     * A tensor of zeros (a constant).
     *
     * @param shape its shape
     * @param dtype its element type
     * @param backend where it lives
     * @return a new tensor of zeros
     */
    public static Tensor zeros(Shape shape, DType dtype, Backend backend) {
        return backend.full(shape, dtype, 0);
    }

    /**
     * A tensor with every element equal to value, rounded to dtype (a constant).
     *
     * @param shape its shape
     * @param dtype its element type
     * @param backend where it lives
     * @param value the value of every element
     * @return a new tensor
     */
    public static Tensor full(Shape shape, DType dtype, Backend backend, double value) {
        return backend.full(shape, dtype, value);
    }

    /**
     * Zeros with x's shape, dtype and backend (a constant: no derivative flows through it).
     *
     * @param x the tensor whose shape, dtype and backend are copied; its values are not read
     * @return a new tensor of zeros
     */
    public static Tensor zerosLike(Tensor x) {
        return x.backend().full(x.shape(), x.dtype(), 0);
    }

    /**
     * Ones with x's shape, dtype and backend (a constant: no derivative flows through it).
     *
     * @param x the tensor whose shape, dtype and backend are copied; its values are not read
     * @return a new tensor of ones
     */
    public static Tensor onesLike(Tensor x) {
        return x.backend().full(x.shape(), x.dtype(), 1);
    }

    /**
     * A scalar constant in x's dtype on x's backend.
     *
     * @param x the tensor whose dtype and backend are copied
     * @param value the scalar's value, rounded to x's dtype
     * @return a rank-0 tensor
     */
    public static Tensor scalarLike(Tensor x, double value) {
        return x.backend().full(Shape.SCALAR, x.dtype(), value);
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * a + b, elementwise with broadcasting.
     *
     * @param a the left operand
     * @param b the right operand, same dtype and backend as a
     * @return a tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor add(Tensor a, Tensor b) { return Arithmetic.ADD.bind(a, b); }

    /**
     * a - b, elementwise with broadcasting.
     *
     * @param a the left operand
     * @param b the right operand, same dtype and backend as a
     * @return a tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor sub(Tensor a, Tensor b) { return Arithmetic.SUB.bind(a, b); }

    /**
     * a · b, elementwise with broadcasting (the Hadamard product; see {@link #matmul(Tensor, Tensor)}
     * for the matrix product).
     *
     * @param a the left operand
     * @param b the right operand, same dtype and backend as a
     * @return a tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor mul(Tensor a, Tensor b) { return Arithmetic.MUL.bind(a, b); }

    /**
     * a / b, elementwise with broadcasting; division by zero follows IEEE 754 (±inf or NaN).
     *
     * @param a the numerator
     * @param b the denominator, same dtype and backend as a
     * @return a tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor div(Tensor a, Tensor b) { return Arithmetic.DIV.bind(a, b); }

    /**
     * x + c for a constant c.
     *
     * @param x the tensor
     * @param c the constant; 0 returns x itself
     * @return a tensor shaped like x
     */
    public static Tensor add(Tensor x, double c) { return c == 0 ? x : Unary.apply(UnaryOp.ADD_SCALAR, c, x); }

    /**
     * x - c for a constant c.
     *
     * @param x the tensor
     * @param c the constant; 0 returns x itself
     * @return a tensor shaped like x
     */
    public static Tensor sub(Tensor x, double c) { return add(x, -c); }

    /**
     * c · x for a constant c.
     *
     * @param x the tensor
     * @param c the constant; 1 returns x itself
     * @return a tensor shaped like x
     */
    public static Tensor mul(Tensor x, double c) { return c == 1 ? x : Unary.apply(UnaryOp.SCALE, c, x); }

    /**
     * x / c for a constant c, computed as x · (1/c).
     *
     * @param x the tensor
     * @param c the constant divisor
     * @return a tensor shaped like x
     */
    public static Tensor div(Tensor x, double c) { return mul(x, 1.0 / c); }

    /**
     * c - x for a constant c.
     *
     * @param c the constant
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor sub(double c, Tensor x) { return add(neg(x), c); }

    /**
     * c / x for a constant c, computed as c · x⁻¹.
     *
     * @param c the constant numerator
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor div(double c, Tensor x) { return mul(pow(x, -1), c); }

    /**
     * -x.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor neg(Tensor x) { return Unary.apply(UnaryOp.NEG, 0, x); }

    /**
     * x², elementwise.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor square(Tensor x) { return Unary.apply(UnaryOp.SQUARE, 0, x); }

    /**
     * x^p for a constant p, elementwise (NaN where x &lt; 0 and p is not an integer).
     *
     * @param x the base
     * @param p the constant exponent
     * @return a tensor shaped like x
     */
    public static Tensor pow(Tensor x, double p) { return Unary.apply(UnaryOp.POW, p, x); }

    /**
     * √x, elementwise: NaN for x &lt; 0, and its derivative is +inf at 0.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor sqrt(Tensor x) { return Unary.apply(UnaryOp.SQRT, 0, x); }

    /**
     * eˣ, elementwise.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor exp(Tensor x) { return Unary.apply(UnaryOp.EXP, 0, x); }

    /**
     * The natural logarithm, elementwise: -inf at 0, NaN for x &lt; 0.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor log(Tensor x) { return Unary.apply(UnaryOp.LOG, 0, x); }

    /**
     * log(1 + x), elementwise, accurate for small |x|.
     *
     * @param x the tensor, &gt; -1 for a finite result
     * @return a tensor shaped like x
     */
    public static Tensor log1p(Tensor x) { return Unary.apply(UnaryOp.LOG1P, 0, x); }

    /**
     * The hyperbolic tangent, elementwise; values in (-1, 1).
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor tanh(Tensor x) { return Unary.apply(UnaryOp.TANH, 0, x); }

    /**
     * The logistic function 1 / (1 + e⁻ˣ), elementwise; values in (0, 1).
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor sigmoid(Tensor x) { return Unary.apply(UnaryOp.SIGMOID, 0, x); }

    /**
     * log(1 + eˣ), computed without overflow.
     *
     * @param x the tensor
     * @return a tensor shaped like x, all elements &gt;= 0
     */
    public static Tensor softplus(Tensor x) { return Unary.apply(UnaryOp.SOFTPLUS, 0, x); }

    /**
     * Σ softplus(z) − y·z over all elements: the cross-entropy of logistic outputs σ(z) against
     * targets y in [0, 1], summed. The value of {@code sum(sub(softplus(z), mul(y, z)))} up to
     * rounding (the terms are summed in chunks), but its forward pass holds one chunk of terms at
     * a time instead of three tensors of z's size, and its gradient σ(z) − y is formed in one
     * expression.
     *
     * @param logits z
     * @param targets y, shaped like z
     * @return a scalar
     * @throws IllegalArgumentException if the shapes or the dtypes differ
     */
    public static Tensor logisticCrossEntropy(Tensor logits, Tensor targets) { return LogisticCrossEntropy.apply(logits, targets); }

    /**
     * x / (1 + |x|), elementwise; values in (-1, 1). Its second derivative jumps at 0.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor softsign(Tensor x) { return Unary.apply(UnaryOp.SOFTSIGN, 0, x); }

    /**
     * y(1 - y): sigmoid's derivative in terms of its output y, in one sweep.
     *
     * @param y a sigmoid's output
     * @return a tensor shaped like y
     */
    public static Tensor logisticSlope(Tensor y) { return Unary.apply(UnaryOp.LOGISTIC_SLOPE, 0, y); }

    /**
     * 1 - y²: tanh's derivative in terms of its output y, in one sweep.
     *
     * @param y a tanh's output
     * @return a tensor shaped like y
     */
    public static Tensor tanhSlope(Tensor y) { return Unary.apply(UnaryOp.TANH_SLOPE, 0, y); }

    /**
     * max(x, 0); its derivative at 0 is taken as 0.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor relu(Tensor x) { return Unary.apply(UnaryOp.RELU, 0, x); }

    /**
     * |x|; its derivative at 0 is taken as 0.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor abs(Tensor x) { return Unary.apply(UnaryOp.ABS, 0, x); }

    /**
     * 1 where x &gt; 0, else 0: a mask, with zero derivative.
     *
     * @param x the tensor
     * @return a mask shaped like x, in x's dtype
     */
    public static Tensor step(Tensor x) { return Unary.apply(UnaryOp.STEP, 0, x); }

    /**
     * -1, 0 or 1, with zero derivative.
     *
     * @param x the tensor
     * @return a tensor shaped like x
     */
    public static Tensor sign(Tensor x) { return Unary.apply(UnaryOp.SIGN, 0, x); }

    // ---------------------------------------------------------------- comparisons and masks

    /**
     * The mask a &gt; b (1 where true, 0 where not), with broadcasting and zero derivative.
     *
     * @param a the left operand
     * @param b the right operand, same dtype and backend as a
     * @return a mask of the broadcast shape in the inputs' dtype
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor gt(Tensor a, Tensor b) { return Compare.apply(BinaryOp.GT, a, b); }

    /**
     * The mask a &gt;= b (1 where true, 0 where not), with broadcasting and zero derivative.
     *
     * @param a the left operand
     * @param b the right operand, same dtype and backend as a
     * @return a mask of the broadcast shape in the inputs' dtype
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor ge(Tensor a, Tensor b) { return Compare.apply(BinaryOp.GE, a, b); }

    /**
     * The mask a &lt; b (1 where true, 0 where not), with broadcasting and zero derivative.
     *
     * @param a the left operand
     * @param b the right operand, same dtype and backend as a
     * @return a mask of the broadcast shape in the inputs' dtype
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor lt(Tensor a, Tensor b) { return Compare.apply(BinaryOp.LT, a, b); }

    /**
     * The mask a &lt;= b (1 where true, 0 where not), with broadcasting and zero derivative.
     *
     * @param a the left operand
     * @param b the right operand, same dtype and backend as a
     * @return a mask of the broadcast shape in the inputs' dtype
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor le(Tensor a, Tensor b) { return Compare.apply(BinaryOp.LE, a, b); }

    /**
     * The mask a == b (1 where equal, 0 where not), with broadcasting and zero derivative.
     *
     * @param a the left operand
     * @param b the right operand, same dtype and backend as a
     * @return a mask of the broadcast shape in the inputs' dtype
     * @throws IllegalArgumentException if the shapes do not broadcast or the dtypes differ
     */
    public static Tensor eq(Tensor a, Tensor b) { return Compare.apply(BinaryOp.EQ, a, b); }

    /**
     * The mask a &gt; c for a constant c.
     *
     * @param a the tensor
     * @param c the constant, rounded to a's dtype
     * @return a mask shaped like a, in a's dtype
     */
    public static Tensor gt(Tensor a, double c) { return gt(a, scalarLike(a, c)); }

    /**
     * The mask a &gt;= c for a constant c.
     *
     * @param a the tensor
     * @param c the constant, rounded to a's dtype
     * @return a mask shaped like a, in a's dtype
     */
    public static Tensor ge(Tensor a, double c) { return ge(a, scalarLike(a, c)); }

    /**
     * The mask a &lt; c for a constant c.
     *
     * @param a the tensor
     * @param c the constant, rounded to a's dtype
     * @return a mask shaped like a, in a's dtype
     */
    public static Tensor lt(Tensor a, double c) { return lt(a, scalarLike(a, c)); }

    /**
     * The mask a &lt;= c for a constant c.
     *
     * @param a the tensor
     * @param c the constant, rounded to a's dtype
     * @return a mask shaped like a, in a's dtype
     */
    public static Tensor le(Tensor a, double c) { return le(a, scalarLike(a, c)); }

    /**
     * mask != 0 ? a : b (broadcast); differentiable in a and b, not in the mask.
     *
     * @param mask the selector, for example from {@link #gt(Tensor, Tensor)}
     * @param a the values taken where mask is non-zero
     * @param b the values taken where mask is zero
     * @return a tensor of the three inputs' broadcast shape
     */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) { return Where.INSTANCE.bind(mask, a, b); }

    /**
     * The value of x treated as a constant: no derivative flows through it.
     *
     * @param x the tensor
     * @return x's value, cut off from every derivative
     */
    public static Tensor stopGradient(Tensor x) { return ShapeOps.stopGradient(x); }

    /**
     * x converted to another dtype; derivatives are cast back on the way in.
     *
     * @param x the tensor
     * @param dtype the new element type; x's own returns x itself
     * @return a tensor shaped like x
     */
    public static Tensor cast(Tensor x, DType dtype) { return ShapeOps.cast(x, dtype); }

    // ---------------------------------------------------------------- linear algebra and shapes

    /**
     * The matrix product a·b.
     *
     * @param a an [m, k] matrix
     * @param b a [k, n] matrix, same dtype and backend as a
     * @return the [m, n] product
     * @throws IllegalArgumentException if a or b is not 2-D or the inner dimensions differ
     */
    public static Tensor matmul(Tensor a, Tensor b) { return MatMul.apply(a, b, false, false); }

    /**
     * op(a)·op(b), where op transposes when its flag is set, without materialising the transpose.
     *
     * @param a a 2-D matrix
     * @param b a 2-D matrix, same dtype and backend as a
     * @param transposeA whether to use aᵀ
     * @param transposeB whether to use bᵀ
     * @return the product, [rows of op(a), columns of op(b)]
     * @throws IllegalArgumentException if a or b is not 2-D or the inner dimensions differ
     */
    public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return MatMul.apply(a, b, transposeA, transposeB);
    }

    /**
     * Reverses the axes (the matrix transpose for 2-D). Prefer matmul's flags inside products.
     *
     * @param x the tensor
     * @return x with its axes in reverse order
     */
    public static Tensor transpose(Tensor x) {
        int[] perm = new int[x.rank()];
        for (int i = 0; i < perm.length; i++) perm[i] = perm.length - 1 - i;
        return transpose(x, perm);
    }

    /**
     * Permutes the axes: result axis i is input axis perm[i].
     *
     * @param x the tensor
     * @param perm a permutation of 0 .. rank-1
     * @return x with its axes permuted
     */
    public static Tensor transpose(Tensor x, int... perm) { return ShapeOps.transpose(x, perm); }

    /**
     * Same elements in row-major order, new shape; one dimension may be -1 (inferred).
     *
     * @param x the tensor
     * @param shape the new dimensions, whose product must equal x's size
     * @return x viewed with the new shape
     * @throws IllegalArgumentException if more than one dimension is -1 or the sizes do not match
     */
    public static Tensor reshape(Tensor x, int... shape) { return ShapeOps.reshape(x, inferShape(x, shape)); }

    /**
     * x repeated along its size-1 (or missing leading) axes to the given shape, as NumPy
     * broadcasts; the derivative sums over the repeated axes.
     *
     * @param x the tensor
     * @param shape the target shape; x's own returns x itself
     * @return a tensor of the given shape
     * @throws IllegalArgumentException if x's shape does not broadcast to it
     */
    public static Tensor broadcastTo(Tensor x, int... shape) { return ShapeOps.broadcastTo(x, Shape.of(shape)); }

    /**
     * Elements [start, end) along axis. In reverse mode its cotangent is x's full size (zeros
     * around the slice), so cutting a differentiated tensor into T pieces costs T full-size
     * cotangents: to walk a sequence, slice the data (which is not differentiated), or pick rows
     * with one {@link #gather(Tensor, int, Index)}, whose reverse is one scatter-add.
     *
     * @param x the tensor
     * @param axis the axis to cut (negative counts from the end)
     * @param start the first index kept
     * @param end one past the last index kept
     * @return x with that axis cut to end - start
     */
    public static Tensor slice(Tensor x, int axis, int start, int end) { return ShapeOps.slice(x, axis, start, end); }

    /**
     * The parts joined end to end along axis; their other dimensions must agree.
     *
     * @param parts the tensors, at least one (a single one is returned as it is)
     * @param axis the axis to join along (negative counts from the end)
     * @return a tensor whose axis is the sum of the parts' lengths
     * @throws IllegalArgumentException if parts is empty or their shapes differ off the axis
     */
    public static Tensor concat(List<Tensor> parts, int axis) { return Concat.apply(parts, axis); }

    /**
     * {@link #concat(List, int)} with the parts as arguments.
     *
     * @param axis the axis to join along (negative counts from the end)
     * @param parts the tensors, at least one
     * @return a tensor whose axis is the sum of the parts' lengths
     * @throws IllegalArgumentException if parts is empty or their shapes differ off the axis
     */
    public static Tensor concat(int axis, Tensor... parts) { return Concat.apply(Arrays.asList(parts), axis); }

    // ---------------------------------------------------------------- indexing

    /**
     * The slices of x along axis that ids select: the axis is replaced by ids' shape, and an id
     * of -1 gives a zero slice (a padding token). ids are host data, never differentiated; an id
     * outside [-1, dim) is an error naming it. {@code gather(table, 0, ids)} is an embedding lookup.
     *
     * @param x the tensor to read from
     * @param axis the axis the ids index
     * @param ids the indices, any shape
     * @return x with axis replaced by ids' dimensions
     * @throws IllegalArgumentException if an id is outside [-1, dim)
     */
    public static Tensor gather(Tensor x, int axis, Index ids) { return Gather.apply(x, axis, ids); }

    /**
     * {@link #gather(Tensor, int, Index)} with a 1-D list of ids.
     *
     * @param x the tensor to read from
     * @param axis the axis the ids index
     * @param ids the indices, each in [-1, dim)
     * @return x with axis cut to ids.length slices
     */
    public static Tensor gather(Tensor x, int axis, int... ids) { return Gather.apply(x, axis, Index.of(ids)); }

    /**
     * The elements of x read flat (row-major) at ids, shaped like ids.
     *
     * @param x the tensor to read from
     * @param ids flat indices in [-1, size); -1 gives 0
     * @return a tensor shaped like ids
     */
    public static Tensor take(Tensor x, Index ids) { return Gather.apply(ShapeOps.reshape(x, Shape.of(x.size())), 0, ids); }

    /**
     * The adjoint of gather: the axes of g from axis on that match ids' shape become one axis of
     * the given size, each slice added at the position its id names (ids of -1 are dropped).
     *
     * @param g the slices to add, shaped like a gather's result
     * @param axis where ids' axes start in g
     * @param ids the target positions, each in [-1, size)
     * @param size the length of the new axis
     * @return a tensor with ids' axes of g replaced by one axis of length size
     */
    public static Tensor scatterAdd(Tensor g, int axis, Index ids, int size) { return ScatterAdd.apply(g, axis, ids, size); }

    // ---------------------------------------------------------------- convolution and pooling

    /**
     * conv2d with stride 1, no padding and no dilation.
     *
     * @param x the input, [batch, C, H, W]
     * @param w the weights, [O, C, kh, kw]
     * @return [batch, O, H - kh + 1, W - kw + 1]
     */
    public static Tensor conv2d(Tensor x, Tensor w) { return Convolution.conv2d(x, w, ConvSpec.DEFAULT); }

    /**
     * 2-D cross-correlation of x [batch, C, H, W] with weights w [O, C, kh, kw], giving
     * [batch, O, outH, outW] with out = (in + 2·pad - dilation·(k - 1) - 1) / stride + 1.
     * Add a bias [O] as {@code add(y, reshape(b, O, 1, 1))}.
     *
     * @param x the input, [batch, C, H, W]
     * @param w the weights, [O, C, kh, kw]
     * @param spec stride, padding and dilation
     * @return [batch, O, outH, outW]
     */
    public static Tensor conv2d(Tensor x, Tensor w, ConvSpec spec) { return Convolution.conv2d(x, w, spec); }

    /**
     * Maximum over kernel x kernel windows of x [batch, C, H, W] taken every stride pixels; the derivative goes to the maxima.
     *
     * @param x the input, [batch, C, H, W]
     * @param kernel the window's side in pixels
     * @param stride the step between windows in pixels
     * @return [batch, C, (H - kernel) / stride + 1, (W - kernel) / stride + 1]
     */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride) { return Pooling.maxPool2d(x, kernel, stride, 0); }

    /**
     * Maximum over kernel x kernel windows of x [batch, C, H, W] padded by {@code padding} pixels on
     * every side, taken every stride pixels; padded pixels are never the maximum (as in PyTorch).
     *
     * @param x the input, [batch, C, H, W]
     * @param kernel the window's side in pixels
     * @param stride the step between windows in pixels
     * @param padding the pixels added on each side, between 0 and kernel / 2
     * @return [batch, C, (H + 2·padding - kernel) / stride + 1, (W + 2·padding - kernel) / stride + 1]
     */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) { return Pooling.maxPool2d(x, kernel, stride, padding); }

    /**
     * Mean over kernel x kernel windows of x [batch, C, H, W] taken every stride pixels.
     *
     * @param x the input, [batch, C, H, W]
     * @param kernel the window's side in pixels
     * @param stride the step between windows in pixels
     * @return [batch, C, (H - kernel) / stride + 1, (W - kernel) / stride + 1]
     */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride) { return Pooling.avgPool2d(x, kernel, stride, 0); }

    /**
     * Mean over kernel x kernel windows of x [batch, C, H, W] padded by {@code padding} zeros on
     * every side, taken every stride pixels; the zeros count (every window divides by kernel², as
     * PyTorch's default).
     *
     * @param x the input, [batch, C, H, W]
     * @param kernel the window's side in pixels
     * @param stride the step between windows in pixels
     * @param padding the pixels added on each side, between 0 and kernel / 2
     * @return [batch, C, (H + 2·padding - kernel) / stride + 1, (W + 2·padding - kernel) / stride + 1]
     */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) { return Pooling.avgPool2d(x, kernel, stride, padding); }

    /**
     * conv2d on inputs held cases last: x [C, H, W, batch] gives [O, outH, outW, batch]. This is
     * the form the CPU runs natively (conv2d transposes around it), so a stack of convolutions,
     * elementwise ops and pooling in this layout passes its activations on without a transpose.
     * Add a bias [O] as {@code add(y, reshape(b, O, 1, 1, 1))}.
     *
     * @param x the input, [C, H, W, batch]
     * @param w the weights, [O, C, kh, kw]
     * @param spec stride, padding and dilation
     * @return [O, outH, outW, batch]
     */
    public static Tensor conv2dCasesLast(Tensor x, Tensor w, ConvSpec spec) { return Convolution.conv2dCasesLast(x, w, spec); }

    /**
     * maxPool2d on inputs held cases last, [C, H, W, batch] (see {@link #conv2dCasesLast}).
     *
     * @param x the input, [C, H, W, batch]
     * @param kernel the window's side in pixels
     * @param stride the step between windows in pixels
     * @param padding the pixels added on each side, between 0 and kernel / 2
     * @return [C, (H + 2·padding - kernel) / stride + 1, (W + 2·padding - kernel) / stride + 1, batch]
     */
    public static Tensor maxPool2dCasesLast(Tensor x, int kernel, int stride, int padding) { return Pooling.maxPool2dCasesLast(x, kernel, stride, padding); }

    /**
     * avgPool2d on inputs held cases last, [C, H, W, batch] (see {@link #conv2dCasesLast}).
     *
     * @param x the input, [C, H, W, batch]
     * @param kernel the window's side in pixels
     * @param stride the step between windows in pixels
     * @param padding the pixels added on each side, between 0 and kernel / 2
     * @return [C, (H + 2·padding - kernel) / stride + 1, (W + 2·padding - kernel) / stride + 1, batch]
     */
    public static Tensor avgPool2dCasesLast(Tensor x, int kernel, int stride, int padding) { return Pooling.avgPool2dCasesLast(x, kernel, stride, padding); }

    // ---------------------------------------------------------------- reductions

    /**
     * Sum of all elements (a scalar).
     *
     * @param x the tensor
     * @return a rank-0 tensor
     */
    public static Tensor sum(Tensor x) { return Reduce.apply(ReduceOp.SUM, x, false); }

    /**
     * Sum over the given axes, which are removed.
     *
     * @param x the tensor
     * @param axes the axes to sum over, at least one (negative counts from the end)
     * @return x's shape without those axes
     * @throws IllegalArgumentException if no axis is given
     */
    public static Tensor sum(Tensor x, int... axes) { return Reduce.apply(ReduceOp.SUM, x, false, nonEmpty(axes)); }

    /**
     * Sum over the given axes.
     *
     * @param x the tensor
     * @param keepDims whether the summed axes stay, with length 1 (so the result broadcasts against x)
     * @param axes the axes to sum over, at least one (negative counts from the end)
     * @return the sums
     * @throws IllegalArgumentException if no axis is given
     */
    public static Tensor sum(Tensor x, boolean keepDims, int... axes) { return Reduce.apply(ReduceOp.SUM, x, keepDims, nonEmpty(axes)); }

    /**
     * Mean of all elements (a scalar); 0 for an empty tensor.
     *
     * @param x the tensor
     * @return a rank-0 tensor
     */
    public static Tensor mean(Tensor x) { return mul(sum(x), 1.0 / Math.max(1, x.size())); }

    /**
     * Mean over the given axes, which are removed.
     *
     * @param x the tensor
     * @param axes the axes to average over, at least one (negative counts from the end)
     * @return x's shape without those axes
     * @throws IllegalArgumentException if no axis is given
     */
    public static Tensor mean(Tensor x, int... axes) { return mean(x, false, axes); }

    /**
     * Mean over the given axes.
     *
     * @param x the tensor
     * @param keepDims whether the averaged axes stay, with length 1
     * @param axes the axes to average over, at least one (negative counts from the end)
     * @return the means
     * @throws IllegalArgumentException if no axis is given
     */
    public static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        Tensor s = sum(x, keepDims, axes);
        return mul(s, (double) s.size() / Math.max(1, x.size()));
    }

    /**
     * Maximum over the given axes; the derivative goes to the maximal elements (ties share).
     *
     * @param x the tensor
     * @param keepDims whether the reduced axes stay, with length 1
     * @param axes the axes to reduce, at least one (negative counts from the end)
     * @return the maxima
     * @throws IllegalArgumentException if no axis is given
     */
    public static Tensor max(Tensor x, boolean keepDims, int... axes) { return Reduce.apply(ReduceOp.MAX, x, keepDims, nonEmpty(axes)); }

    /**
     * log Σ exp(x) along axis, stable for large |x|.
     *
     * @param x the tensor
     * @param axis the axis to reduce (negative counts from the end)
     * @param keepDims whether that axis stays, with length 1
     * @return the log-sum-exp along axis
     */
    public static Tensor logSumExp(Tensor x, int axis, boolean keepDims) {
        // The shift m cancels exactly, so it can be a constant: no derivative through the max.
        Tensor m = stopGradient(max(x, true, axis));
        Tensor s = add(log(sum(exp(sub(x, m)), true, axis)), m);
        return keepDims ? s : reshape(s, Shape.of(dropAxis(s.shape(), axis)).dims());
    }

    /**
     * exp(x) normalised to sum to 1 along axis, computed as exp(logSoftmax(x, axis)).
     *
     * @param x the tensor (logits)
     * @param axis the axis that sums to 1 (negative counts from the end)
     * @return probabilities shaped like x
     */
    public static Tensor softmax(Tensor x, int axis) { return exp(logSoftmax(x, axis)); }

    /**
     * x - logSumExp(x) along axis: log-probabilities, stable for large |x|.
     *
     * @param x the tensor (logits)
     * @param axis the normalised axis (negative counts from the end)
     * @return log-probabilities shaped like x
     */
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
