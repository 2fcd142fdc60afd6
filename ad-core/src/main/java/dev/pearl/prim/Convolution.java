package dev.pearl.prim;

import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) with OIHW weights,
 * composed of primitives. Its native form takes the cases last, [channels, height, width, cases]:
 * the windows are gathered by a cached tap-major index table (im2col, {@link Windows#tapMajor})
 * into [taps, positions·cases], multiplied with the weights in one matmul, and the result is
 * already [out channels, outH, outW, cases]. With the cases innermost every gathered element is a
 * run of contiguous values and the matmul reads its operands' rows in place, so neither the gather
 * nor its adjoint goes element by element; a network of such layers passes its activations on
 * without a transpose. The NCHW form transposes its input and output around it. The derivatives
 * are those of the parts: the input's VJP is the transposed convolution (the matmul with the
 * weights, then the scatter-add of the gather, col2im), the weights' VJP the correlation of output
 * cotangents with the gathered windows (one matmul); JVPs, Hessian products and linearize need no
 * rule of their own.
 */
public final class Convolution {
    private Convolution() {
    }

    /** x [batch, C, H, W] correlated with w [O, C, kh, kw]: [batch, O, outH, outW]. */
    public static Tensor conv2d(Tensor x, Tensor w, ConvSpec spec) {
        if (x.rank() != 4)
            throw new IllegalArgumentException("conv2d: input must be [batch, channels, height, width], got " + x.shape());
        return ShapeOps.transpose(conv(ShapeOps.transpose(x, Windows.CASES_LAST), w, spec, "[batch, channels, height, width]", x.shape()), Windows.CASES_FIRST);
    }

    /** x [C, H, W, batch] correlated with w [O, C, kh, kw]: [O, outH, outW, batch]. */
    public static Tensor conv2dCasesLast(Tensor x, Tensor w, ConvSpec spec) {
        if (x.rank() != 4)
            throw new IllegalArgumentException("conv2d: input must be [channels, height, width, batch], got " + x.shape());
        return conv(x, w, spec, "[channels, height, width, batch]", x.shape());
    }

    /** x [C, H, W, batch]; layout and shown name the caller's layout and shape for messages. */
    private static Tensor conv(Tensor x, Tensor w, ConvSpec spec, String layout, Shape shown) {
        Windows.Geometry g = check(x, w, spec, layout, shown);
        int batch = x.dim(3), out = w.dim(0), positions = g.outH() * g.outW(), taps = g.taps();
        Tensor planes = ShapeOps.reshape(x, Shape.of(g.channels() * g.height() * g.width(), batch));
        Tensor cols = ShapeOps.reshape(Gather.apply(planes, 0, Windows.tapMajor(g)), Shape.of(taps, positions * batch));
        Tensor y = MatMul.apply(ShapeOps.reshape(w, Shape.of(out, taps)), cols, false, false);  // [O, positions·batch]
        return ShapeOps.reshape(y, Shape.of(out, g.outH(), g.outW(), batch));
    }

    /** The window geometry of x [C, H, W, batch], after checking ranks, dtypes, channels and that the kernel fits. */
    private static Windows.Geometry check(Tensor x, Tensor w, ConvSpec spec, String layout, Shape shown) {
        if (w.rank() != 4)
            throw new IllegalArgumentException("conv2d: weights must be [out channels, in channels, kernel height, kernel width], got " + w.shape());
        if (x.dtype() != w.dtype())
            throw new IllegalArgumentException("conv2d: input " + shown + " " + x.dtype() + " and weights " + w.shape() + " " + w.dtype() + " differ in dtype; convert with Ops.cast");
        if (x.dim(0) != w.dim(1))
            throw new IllegalArgumentException("conv2d: input " + layout + " " + shown + " has " + x.dim(0) + " channels but weights " + w.shape() + " take " + w.dim(1));
        int kh = w.dim(2), kw = w.dim(3);
        if (kh == 0 || kw == 0)
            throw new IllegalArgumentException("conv2d: weights " + w.shape() + " have an empty kernel");
        int extentH = spec.dilationH() * (kh - 1) + 1, extentW = spec.dilationW() * (kw - 1) + 1;
        int paddedH = x.dim(1) + 2 * spec.padH(), paddedW = x.dim(2) + 2 * spec.padW();
        if (extentH > paddedH || extentW > paddedW)
            throw new IllegalArgumentException("conv2d: kernel " + kh + "x" + kw + " spans " + extentH + "x" + extentW + " with dilation "
                    + spec.dilationH() + "x" + spec.dilationW() + ", larger than the padded input " + paddedH + "x" + paddedW
                    + " (input " + shown + ", padding " + spec.padH() + "x" + spec.padW() + ")");
        return new Windows.Geometry(x.dim(0), x.dim(1), x.dim(2), kh, kw, spec);
    }
}
