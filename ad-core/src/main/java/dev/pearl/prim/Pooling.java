package dev.pearl.prim;

import dev.pearl.backend.ReduceOp;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.tensor.Windows;

/**
 * Max and average pooling over k x k windows, composed of primitives. The native form takes the
 * cases last, [channels, height, width, cases]: the windows are gathered along the pixel axis by a
 * cached tap-major index table ({@link Windows#tapMajor}) into [channels, k², positions, cases] and
 * reduced along the k² axis, so every step moves contiguous runs of cases. The NCHW form
 * transposes its input and output around it. Max pooling's derivative therefore flows to each
 * window's maximal elements (ties share), average pooling's is spread evenly; overlapping windows
 * add up.
 *
 * <p>Padding adds {@code padding} pixels on every side, at most half the window (so every window
 * holds a pixel of the input). As in PyTorch, max pooling never picks a padded pixel (they act as
 * −∞: the lowest finite value of the dtype is added to them) and average pooling counts them as
 * zeros (it always divides by k²).
 */
public final class Pooling {
    private Pooling() {
    }

    /** Max pooling of x [batch, C, H, W]. */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return casesFirst(max(pool("maxPool2d", casesLast("maxPool2d", x), kernel, stride, padding, x.shape())));
    }

    /** Average pooling of x [batch, C, H, W]. */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return casesFirst(average(pool("avgPool2d", casesLast("avgPool2d", x), kernel, stride, padding, x.shape())));
    }

    /** Max pooling of x [C, H, W, batch]. */
    public static Tensor maxPool2dCasesLast(Tensor x, int kernel, int stride, int padding) {
        return max(pool("maxPool2d", checkRank("maxPool2d", x, "[channels, height, width, batch]"), kernel, stride, padding, x.shape()));
    }

    /** Average pooling of x [C, H, W, batch]. */
    public static Tensor avgPool2dCasesLast(Tensor x, int kernel, int stride, int padding) {
        return average(pool("avgPool2d", checkRank("avgPool2d", x, "[channels, height, width, batch]"), kernel, stride, padding, x.shape()));
    }

    private static Tensor max(Pool p) {
        Tensor windows = p.padded ? Rules.add(p.windows, paddingPenalty(p.table, p.kernel, p.windows)) : p.windows;
        return p.finish(Reduce.apply(ReduceOp.MAX, windows, false, 1));
    }

    private static Tensor average(Pool p) {
        return p.finish(Rules.scale(Reduce.apply(ReduceOp.SUM, p.windows, false, 1), 1.0 / ((double) p.kernel * p.kernel)));
    }

    private static Tensor checkRank(String op, Tensor x, String layout) {
        if (x.rank() != 4) throw new IllegalArgumentException(op + ": input must be " + layout + ", got " + x.shape());
        return x;
    }

    /** x [batch, C, H, W] as [C, H, W, batch]. */
    private static Tensor casesLast(String op, Tensor x) {
        return ShapeOps.transpose(checkRank(op, x, "[batch, channels, height, width]"), Windows.CASES_LAST);
    }

    /** y [C, outH, outW, batch] as [batch, C, outH, outW]. */
    private static Tensor casesFirst(Tensor y) {
        return ShapeOps.transpose(y, Windows.CASES_FIRST);
    }

    /** The gathered windows [C, kernel², positions, batch], their tap-major index table and the output shape. */
    private record Pool(Tensor windows, Index table, int kernel, boolean padded, Shape out) {
        /** [C, positions, batch] to [C, outH, outW, batch]. */
        Tensor finish(Tensor reduced) {
            return ShapeOps.reshape(reduced, out);
        }
    }

    /** A constant [1, kernel², positions, 1]: 0 at the input's pixels, the dtype's lowest value at padded taps. */
    private static Tensor paddingPenalty(Index table, int kernel, Tensor like) {
        int taps = kernel * kernel, positions = table.size() / taps;
        double lowest = like.dtype() == DType.FLOAT32 ? -Float.MAX_VALUE : -Double.MAX_VALUE;
        double[] penalty = new double[table.size()];
        for (int i = 0; i < penalty.length; i++) penalty[i] = table.get(i) < 0 ? lowest : 0;
        return like.backend().fromArray(penalty, Shape.of(1, taps, positions, 1), like.dtype());
    }

    /** The windows of x [C, H, W, batch]; shown is the shape the caller passed, for messages. */
    private static Pool pool(String op, Tensor x, int kernel, int stride, int padding, Shape shown) {
        if (kernel < 1 || stride < 1)
            throw new IllegalArgumentException(op + ": window size and stride must be >= 1, got window " + kernel + ", stride " + stride);
        if (padding < 0 || 2 * padding > kernel)
            throw new IllegalArgumentException(op + ": padding must lie between 0 and half the window " + kernel + "x" + kernel + ", got " + padding);
        int channels = x.dim(0), h = x.dim(1), w = x.dim(2), batch = x.dim(3);
        if (kernel > h + 2 * padding || kernel > w + 2 * padding)
            throw new IllegalArgumentException(op + ": window " + kernel + "x" + kernel + " is larger than the input " + h + "x" + w
                    + (padding > 0 ? " padded by " + padding : "") + " (input " + shown + ")");
        Windows.Geometry g = new Windows.Geometry(1, h, w, kernel, kernel, new ConvSpec(stride, stride, padding, padding, 1, 1));
        int positions = g.outH() * g.outW();
        Index table = Windows.tapMajor(g);
        Tensor planes = ShapeOps.reshape(x, Shape.of(channels, h * w, batch));
        Tensor windows = ShapeOps.reshape(Gather.apply(planes, 1, table), Shape.of(channels, kernel * kernel, positions, batch));
        return new Pool(windows, table, kernel, padding > 0, Shape.of(channels, g.outH(), g.outW(), batch));
    }
}
