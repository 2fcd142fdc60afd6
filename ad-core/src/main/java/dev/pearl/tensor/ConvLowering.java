package dev.pearl.tensor;

import dev.pearl.backend.ConvPass;

/**
 * A convolution in a backend's other kernels, for backends with no convolution kernel of their
 * own: the windows are gathered by a cached index table ({@link Windows#tapMajor}) into the im2col
 * matrix [taps, positions x batch], whose rows are runs of cases. The forward pass multiplies it by
 * the weights; the input gradient is the weights transposed times the output gradient, added back
 * into the input's places by the same table (col2im); the weight gradient is the output gradient
 * times the matrix transposed.
 */
final class ConvLowering {
    private ConvLowering() {
    }

    static DenseTensor convolution(Backend be, ConvPass pass, DenseTensor a, DenseTensor b, ConvSpec spec, Shape out) {
        switch (pass) {
            case FORWARD: { // a = x [C, H, W, B], b = w [O, C, kh, kw]
                Windows.Geometry g = geometry(a.shape(), b.shape(), spec);
                return be.matmul(weights(b, g), columns(be, a, g), false, false).withShape(out);
            }
            case INPUT_GRADIENT: { // a = dy [O, outH, outW, B], b = w; out = x's shape
                Windows.Geometry g = geometry(out, b.shape(), spec);
                int batch = out.dim(3), planes = g.channels() * g.height() * g.width(), positions = g.outH() * g.outW();
                DenseTensor dy = a.withShape(Shape.of(a.dim(0), positions * batch));
                DenseTensor dcols = be.matmul(weights(b, g), dy, true, false);
                return be.scatterAdd(dcols.withShape(Shape.of(g.taps() * positions, batch)), 1, planes, batch, Windows.tapMajor(g),
                        Shape.of(planes, batch)).withShape(out);
            }
            case WEIGHT_GRADIENT: { // a = x, b = dy; out = w's shape
                Windows.Geometry g = geometry(a.shape(), out, spec);
                DenseTensor dy = b.withShape(Shape.of(b.dim(0), g.outH() * g.outW() * a.dim(3)));
                return be.matmul(dy, columns(be, a, g), false, true).withShape(out);
            }
            default:
                throw new IllegalArgumentException("convolution: unknown pass " + pass);
        }
    }

    private static Windows.Geometry geometry(Shape x, Shape w, ConvSpec spec) {
        return new Windows.Geometry(x.dim(0), x.dim(1), x.dim(2), w.dim(2), w.dim(3), spec);
    }

    private static DenseTensor weights(DenseTensor w, Windows.Geometry g) {
        return w.withShape(Shape.of(w.dim(0), g.taps()));
    }

    /** The im2col matrix of x [C, H, W, B]: [taps, positions x B]. */
    private static DenseTensor columns(Backend be, DenseTensor x, Windows.Geometry g) {
        int batch = x.dim(3), planes = g.channels() * g.height() * g.width(), positions = g.outH() * g.outW();
        DenseTensor cols = be.gather(x.withShape(Shape.of(planes, batch)), 1, planes, batch, Windows.tapMajor(g),
                Shape.of(g.taps() * positions, batch));
        return cols.withShape(Shape.of(g.taps(), positions * batch));
    }
}
