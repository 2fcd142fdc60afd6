package dev.pearl.tensor;

/**
 * How a 2-D convolution's kernel moves over its input: strides, zero padding on each side and
 * dilation (the spacing of kernel taps), per spatial axis (height, width).
 *
 * @param strideH the vertical step between output pixels, in input pixels, &gt;= 1
 * @param strideW the horizontal step, &gt;= 1
 * @param padH the rows of zeros added above and below, &gt;= 0
 * @param padW the columns of zeros added left and right, &gt;= 0
 * @param dilationH the vertical spacing of kernel taps, &gt;= 1 (1: adjacent)
 * @param dilationW the horizontal spacing of kernel taps, &gt;= 1
 */
public record ConvSpec(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW) {
    /** Stride 1, no padding, no dilation. */
    public static final ConvSpec DEFAULT = new ConvSpec(1, 1, 0, 0, 1, 1);

    /**
     * Checks the values.
     *
     * @param strideH the vertical stride, &gt;= 1
     * @param strideW the horizontal stride, &gt;= 1
     * @param padH the vertical padding, &gt;= 0
     * @param padW the horizontal padding, &gt;= 0
     * @param dilationH the vertical dilation, &gt;= 1
     * @param dilationW the horizontal dilation, &gt;= 1
     * @throws IllegalArgumentException if a value is out of range
     */
    public ConvSpec {
        if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1 || padH < 0 || padW < 0)
            throw new IllegalArgumentException("conv2d: strides and dilations must be >= 1 and paddings >= 0, got " + describe(strideH, strideW, padH, padW, dilationH, dilationW));
    }

    /**
     * The same stride, padding and dilation along both axes.
     *
     * @param stride the stride, &gt;= 1
     * @param padding the padding on each side, &gt;= 0
     * @param dilation the dilation, &gt;= 1
     * @return the spec
     * @throws IllegalArgumentException if a value is out of range
     */
    public static ConvSpec of(int stride, int padding, int dilation) {
        return new ConvSpec(stride, stride, padding, padding, dilation, dilation);
    }

    /**
     * Output height for an input of height h and a kernel of height kh (the kernel must fit the padded input).
     *
     * @param h the input height
     * @param kh the kernel height
     * @return (h + 2·padH - dilationH·(kh - 1) - 1) / strideH + 1
     */
    public int outputHeight(int h, int kh) {
        return outputSize(h, kh, strideH, padH, dilationH);
    }

    /**
     * Output width for an input of width w and a kernel of width kw.
     *
     * @param w the input width
     * @param kw the kernel width
     * @return (w + 2·padW - dilationW·(kw - 1) - 1) / strideW + 1
     */
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
