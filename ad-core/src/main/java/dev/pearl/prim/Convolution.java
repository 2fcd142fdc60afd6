package dev.pearl.prim;

import dev.pearl.backend.ConvPass;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.tensor.Windows;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) with OIHW weights. Its
 * native form takes the cases last, [channels, height, width, cases]: one {@link ConvProduct},
 * which the backend computes (the CPU as an implicit GEMM that reads the input's runs of cases in
 * place; other backends by default through an im2col matrix), and whose derivatives are the
 * transposed convolution (input) and the correlation of output cotangents with the input
 * (weights), the same three products again at every order. The NCHW form transposes its input
 * and output around it; a network of cases-last layers passes its activations on without a
 * transpose.
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
        return ConvProduct.apply(ConvPass.FORWARD, x, w, spec, Shape.of(w.dim(0), g.outH(), g.outW(), x.dim(3)));
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
