package dev.pearl.testing;

import dev.pearl.tensor.Shape;

/**
 * Direct 2-D convolution and pooling in nested loops over every output element and tap, written
 * from the definitions (no im2col, no index tables), to check Pearl's versions.
 */
public final class ConvolutionReference {
    private ConvolutionReference() {
    }

    /**
     * y[b, o, i, j] = Σ_{c, p, q} x[b, c, i·sh - ph + p·dh, j·sw - pw + q·dw] · w[o, c, p, q],
     * reading 0 outside x.
     */
    public static HostTensor conv2d(HostTensor x, HostTensor w, int sh, int sw, int ph, int pw, int dh, int dw) {
        Shape xs = x.shape(), ws = w.shape();
        int batch = xs.dim(0), channels = xs.dim(1), h = xs.dim(2), wd = xs.dim(3);
        int out = ws.dim(0), kh = ws.dim(2), kw = ws.dim(3);
        int oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1, ow = (wd + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        Shape ys = Shape.of(batch, out, oh, ow);
        double[] y = new double[ys.size()];
        for (int b = 0; b < batch; b++)
            for (int o = 0; o < out; o++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++) {
                        double acc = 0;
                        for (int c = 0; c < channels; c++)
                            for (int p = 0; p < kh; p++)
                                for (int q = 0; q < kw; q++) {
                                    int r = i * sh - ph + p * dh, t = j * sw - pw + q * dw;
                                    if (r < 0 || r >= h || t < 0 || t >= wd) continue;
                                    acc += x.values()[((b * channels + c) * h + r) * wd + t] * w.values()[((o * channels + c) * kh + p) * kw + q];
                                }
                        y[((b * out + o) * oh + i) * ow + j] = acc;
                    }
        return new HostTensor(ys, y);
    }

    /**
     * The gradients of conv2d's value paired with dy, from the same loops run backwards: dx gets
     * dy[b, o, i, j]·w[o, c, p, q] at every input element tap (p, q) read, dw gets dy·x. Each comes
     * with the sum of its terms' magnitudes (for a rounding bound) and the most terms one element
     * receives.
     *
     * @param x input [batch, C, H, W]
     * @param w weights [O, C, kh, kw]
     * @param dy output gradient [batch, O, outH, outW]
     * @return dx and dw, their magnitudes, and the largest count of terms in one element
     */
    public static Gradients conv2dGradients(HostTensor x, HostTensor w, HostTensor dy, int sh, int sw, int ph, int pw, int dh, int dw) {
        Shape xs = x.shape(), ws = w.shape();
        int batch = xs.dim(0), channels = xs.dim(1), h = xs.dim(2), wd = xs.dim(3);
        int out = ws.dim(0), kh = ws.dim(2), kw = ws.dim(3), oh = dy.shape().dim(2), ow = dy.shape().dim(3);
        double[] gx = new double[xs.size()], gw = new double[ws.size()], mx = new double[xs.size()], mw = new double[ws.size()];
        int[] nx = new int[xs.size()], nw = new int[ws.size()];
        for (int b = 0; b < batch; b++)
            for (int o = 0; o < out; o++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++) {
                        double g = dy.values()[((b * out + o) * oh + i) * ow + j];
                        for (int c = 0; c < channels; c++)
                            for (int p = 0; p < kh; p++)
                                for (int q = 0; q < kw; q++) {
                                    int r = i * sh - ph + p * dh, t = j * sw - pw + q * dw;
                                    if (r < 0 || r >= h || t < 0 || t >= wd) continue;
                                    int xi = ((b * channels + c) * h + r) * wd + t, wi = ((o * channels + c) * kh + p) * kw + q;
                                    gx[xi] += g * w.values()[wi];
                                    mx[xi] += Math.abs(g * w.values()[wi]);
                                    nx[xi]++;
                                    gw[wi] += g * x.values()[xi];
                                    mw[wi] += Math.abs(g * x.values()[xi]);
                                    nw[wi]++;
                                }
                    }
        return new Gradients(new HostTensor(xs, gx), new HostTensor(xs, mx), new HostTensor(ws, gw), new HostTensor(ws, mw),
                java.util.Arrays.stream(nx).max().orElse(0), java.util.Arrays.stream(nw).max().orElse(0));
    }

    /**
     * conv2d's input and weight gradients, each with the sums of its terms' magnitudes and the
     * most terms in one element.
     *
     * @param dx input gradient
     * @param dxMagnitude sum of |term| per input element
     * @param dw weight gradient
     * @param dwMagnitude sum of |term| per weight
     * @param dxTerms most terms in one input element
     * @param dwTerms most terms in one weight
     */
    public record Gradients(HostTensor dx, HostTensor dxMagnitude, HostTensor dw, HostTensor dwMagnitude, int dxTerms, int dwTerms) {}

    /** Maximum over k x k windows taken every s pixels. */
    public static HostTensor maxPool2d(HostTensor x, int k, int s) {
        return pool(x, k, s, 0, true);
    }

    /** Mean over k x k windows taken every s pixels. */
    public static HostTensor avgPool2d(HostTensor x, int k, int s) {
        return pool(x, k, s, 0, false);
    }

    /** Maximum over the input pixels of k x k windows taken every s pixels of x padded by p on each side (PyTorch's max_pool2d). */
    public static HostTensor maxPool2d(HostTensor x, int k, int s, int p) {
        return pool(x, k, s, p, true);
    }

    /** Sum over k x k windows of x padded by p zeros on each side, divided by k² (PyTorch's avg_pool2d, count_include_pad). */
    public static HostTensor avgPool2d(HostTensor x, int k, int s, int p) {
        return pool(x, k, s, p, false);
    }

    private static HostTensor pool(HostTensor x, int k, int s, int pad, boolean max) {
        Shape xs = x.shape();
        int planes = xs.dim(0) * xs.dim(1), h = xs.dim(2), w = xs.dim(3);
        int oh = (h + 2 * pad - k) / s + 1, ow = (w + 2 * pad - k) / s + 1;
        Shape ys = Shape.of(xs.dim(0), xs.dim(1), oh, ow);
        double[] y = new double[ys.size()];
        for (int n = 0; n < planes; n++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int p = 0; p < k; p++)
                        for (int q = 0; q < k; q++) {
                            int r = i * s - pad + p, c = j * s - pad + q;
                            if (r < 0 || r >= h || c < 0 || c >= w) continue;
                            double v = x.values()[(n * h + r) * w + c];
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    y[(n * oh + i) * ow + j] = max ? acc : acc / (k * k);
                }
        return new HostTensor(ys, y);
    }
}
