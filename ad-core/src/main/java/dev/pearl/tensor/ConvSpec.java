package dev.pearl.tensor;

/**
 * How a 2-D convolution's kernel moves over its input: strides, zero padding on each side and
 * dilation (the spacing of kernel taps), per spatial axis (height, width).
 */
public record ConvSpec(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW) {
    /** Stride 1, no padding, no dilation. */
    public static final ConvSpec DEFAULT = new ConvSpec(1, 1, 0, 0, 1, 1);

    public ConvSpec {
        if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1 || padH < 0 || padW < 0)
            throw new IllegalArgumentException("conv2d: strides and dilations must be >= 1 and paddings >= 0, got " + describe(strideH, strideW, padH, padW, dilationH, dilationW));
    }

    /** The same stride, padding and dilation along both axes. */
    public static ConvSpec of(int stride, int padding, int dilation) {
        return new ConvSpec(stride, stride, padding, padding, dilation, dilation);
    }

    /** Output height for an input of height h and a kernel of height kh (the kernel must fit the padded input). */
    public int outputHeight(int h, int kh) {
        return outputSize(h, kh, strideH, padH, dilationH);
    }

    /** Output width for an input of width w and a kernel of width kw. */
    public int outputWidth(int w, int kw) {
        return outputSize(w, kw, strideW, padW, dilationW);
    }

    /** Output size along one axis: (in + 2·pad - dilation·(kernel - 1) - 1) / stride + 1. */
    private static int outputSize(int in, int kernel, int stride, int pad, int dilation) {
        return (in + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1;
    }

    @Override
    public String toString() {
        return describe(strideH, strideW, padH, padW, dilationH, dilationW);
    }

    private static String describe(int sh, int sw, int ph, int pw, int dh, int dw) {
        return "stride " + sh + "x" + sw + ", padding " + ph + "x" + pw + ", dilation " + dh + "x" + dw;
    }
}
