package dev.pearl.prim;

import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of an NCHW input with
 * OIHW weights, composed of primitives: the windows are gathered by a cached index table
 * (im2col, {@link Windows}), multiplied with the weights in one matmul, and the result is
 * transposed to NCHW. Its derivatives are therefore those of the parts: the input's VJP is the
 * transposed convolution (the matmul with the weights, then the scatter-add of the gather,
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
        Tensor flat = ShapeOps.reshape(x, Shape.of(batch, g.channels() * g.height() * g.width()));
        Tensor cols = ShapeOps.reshape(Gather.apply(flat, 1, Windows.table(g)), Shape.of(batch * positions, taps));
        Tensor y = MatMul.apply(ShapeOps.reshape(w, Shape.of(out, taps)), cols, false, true);  // [O, batch·positions]
        Tensor nchw = ShapeOps.transpose(ShapeOps.reshape(y, Shape.of(out, batch, positions)), new int[]{1, 0, 2});
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
