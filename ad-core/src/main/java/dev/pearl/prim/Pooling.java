package dev.pearl.prim;

import dev.pearl.backend.ReduceOp;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * Max and average pooling over k x k windows of an NCHW input, composed of primitives: the
 * planes are laid out [height·width, batch·channels], their windows gathered by a cached
 * tap-major index table ({@link Windows#tapMajor}) into [k², positions, batch·channels] and
 * reduced along the leading axis, so every step moves contiguous runs of batch·channels values.
 * Max pooling's derivative therefore flows to each window's maximal elements (ties share),
 * average pooling's is spread evenly; overlapping windows add up.
 *
 * <p>Padding adds {@code padding} pixels on every side, at most half the window (so every window
 * holds a pixel of the input). As in PyTorch, max pooling never picks a padded pixel (they act as
 * −∞: the lowest finite value of the dtype is added to them) and average pooling counts them as
 * zeros (it always divides by k²).
 */
public final class Pooling {
    private Pooling() {
    }

    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        Pool p = pool("maxPool2d", x, kernel, stride, padding);
        Tensor windows = p.padded ? Rules.add(p.windows, paddingPenalty(p.table, kernel, x)) : p.windows;
        return p.finish(Reduce.apply(ReduceOp.MAX, windows, false, 0));
    }

    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        Pool p = pool("avgPool2d", x, kernel, stride, padding);
        return p.finish(Rules.scale(Reduce.apply(ReduceOp.SUM, p.windows, false, 0), 1.0 / ((double) kernel * kernel)));
    }

    /** The gathered windows [kernel², positions, batch·channels], their tap-major index table and the output shape. */
    private record Pool(Tensor windows, Index table, boolean padded, Shape out) {
        /** [positions, batch·channels] back to [batch, channels, outH, outW]. */
        Tensor finish(Tensor reduced) {
            return ShapeOps.reshape(ShapeOps.transpose(reduced, new int[]{1, 0}), out);
        }
    }

    /** A constant [kernel², positions, 1]: 0 at the input's pixels, the dtype's lowest value at padded taps. */
    private static Tensor paddingPenalty(Index table, int kernel, Tensor like) {
        int taps = kernel * kernel, positions = table.size() / taps;
        double lowest = like.dtype() == DType.FLOAT32 ? -Float.MAX_VALUE : -Double.MAX_VALUE;
        double[] penalty = new double[table.size()];
        for (int i = 0; i < penalty.length; i++) penalty[i] = table.get(i) < 0 ? lowest : 0;
        return like.backend().fromArray(penalty, Shape.of(taps, positions, 1), like.dtype());
    }

    private static Pool pool(String op, Tensor x, int kernel, int stride, int padding) {
        if (x.rank() != 4)
            throw new IllegalArgumentException(op + ": input must be [batch, channels, height, width], got " + x.shape());
        if (kernel < 1 || stride < 1)
            throw new IllegalArgumentException(op + ": window size and stride must be >= 1, got window " + kernel + ", stride " + stride);
        if (padding < 0 || 2 * padding > kernel)
            throw new IllegalArgumentException(op + ": padding must lie between 0 and half the window " + kernel + "x" + kernel + ", got " + padding);
        int batch = x.dim(0), channels = x.dim(1), h = x.dim(2), w = x.dim(3);
        if (kernel > h + 2 * padding || kernel > w + 2 * padding)
            throw new IllegalArgumentException(op + ": window " + kernel + "x" + kernel + " is larger than the input " + h + "x" + w
                    + (padding > 0 ? " padded by " + padding : "") + " (input " + x.shape() + ")");
        Windows.Geometry g = new Windows.Geometry(1, h, w, kernel, kernel, new ConvSpec(stride, stride, padding, padding, 1, 1));
        int positions = g.outH() * g.outW();
        Index table = Windows.tapMajor(g);
        Tensor planes = ShapeOps.transpose(ShapeOps.reshape(x, Shape.of(batch * channels, h * w)), new int[]{1, 0});
        Tensor windows = ShapeOps.reshape(Gather.apply(planes, 0, table), Shape.of(kernel * kernel, positions, batch * channels));
        return new Pool(windows, table, padding > 0, Shape.of(batch, channels, g.outH(), g.outW()));
    }
}
