package dev.pearl.prim;

import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of an NCHW input with
 * OIHW weights, composed of primitives: the input is laid out [channels·height·width, batch], its
 * windows are gathered by a cached tap-major index table (im2col, {@link Windows#tapMajor}) into
 * [taps, positions·batch], multiplied with the weights in one matmul, and the result is
 * transposed to NCHW. With the batch innermost every gathered element is a run of {@code batch}
 * contiguous values and the matmul reads its operands' rows in place, so neither the gather nor
 * its adjoint goes element by element. The derivatives are those of the parts: the input's VJP
 * is the transposed convolution (the matmul with the weights, then the scatter-add of the gather,
 * col2im), the weights' VJP the correlation of output cotangents with the gathered windows (one
 * matmul); JVPs, Hessian products and linearize need no rule of their own.
 */
public final class Convolution {
    private Convolution() {
    }

    /** x [batch, C, H, W] correlated with w [O, C, kh, kw]: [batch, O, outH, outW]. */
    public static Tensor conv2d(Tensor x, Tensor w, ConvSpec spec) {
        Windows.Geometry g = check(x, w, spec);
        int batch = x.dim(0), out = w.dim(0), positions = g.outH() * g.outW(), taps = g.taps();
        Tensor batchLast = ShapeOps.transpose(ShapeOps.reshape(x, Shape.of(batch, g.channels() * g.height() * g.width())), new int[]{1, 0});
        Tensor cols = ShapeOps.reshape(Gather.apply(batchLast, 0, Windows.tapMajor(g)), Shape.of(taps, positions * batch));
        Tensor y = MatMul.apply(ShapeOps.reshape(w, Shape.of(out, taps)), cols, false, false);  // [O, positions·batch]
        Tensor nchw = ShapeOps.transpose(ShapeOps.reshape(y, Shape.of(out, positions, batch)), new int[]{2, 0, 1});
        return ShapeOps.reshape(nchw, Shape.of(batch, out, g.outH(), g.outW()));
    }

    /** The window geometry, after checking ranks, dtypes, channels and that the kernel fits. */
    private static Windows.Geometry check(Tensor x, Tensor w, ConvSpec spec) {
        if (x.rank() != 4)
            throw new IllegalArgumentException("conv2d: input must be [batch, channels, height, width], got " + x.shape());
        if (w.rank() != 4)
            throw new IllegalArgumentException("conv2d: weights must be [out channels, in channels, kernel height, kernel width], got " + w.shape());
        if (x.dtype() != w.dtype())
            throw new IllegalArgumentException("conv2d: input " + x.shape() + " " + x.dtype() + " and weights " + w.shape() + " " + w.dtype() + " differ in dtype; convert with Ops.cast");
        if (x.dim(1) != w.dim(1))
            throw new IllegalArgumentException("conv2d: input " + x.shape() + " has " + x.dim(1) + " channels but weights " + w.shape() + " take " + w.dim(1));
        int kh = w.dim(2), kw = w.dim(3);
        if (kh == 0 || kw == 0)
            throw new IllegalArgumentException("conv2d: weights " + w.shape() + " have an empty kernel");
        int extentH = spec.dilationH() * (kh - 1) + 1, extentW = spec.dilationW() * (kw - 1) + 1;
        int paddedH = x.dim(2) + 2 * spec.padH(), paddedW = x.dim(3) + 2 * spec.padW();
        if (extentH > paddedH || extentW > paddedW)
            throw new IllegalArgumentException("conv2d: kernel " + kh + "x" + kw + " spans " + extentH + "x" + extentW + " with dilation "
                    + spec.dilationH() + "x" + spec.dilationW() + ", larger than the padded input " + paddedH + "x" + paddedW
                    + " (input " + x.shape() + ", padding " + spec.padH() + "x" + spec.padW() + ")");
        return new Windows.Geometry(x.dim(1), x.dim(2), x.dim(3), kh, kw, spec);
    }
}
