package dev.pearl.prim;

import dev.pearl.backend.ReduceOp;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * Max and average pooling over k x k windows of an NCHW input, composed of primitives: the
 * windows of every channel plane are gathered by a cached index table ({@link Windows}) and
 * reduced along the window axis. Max pooling's derivative therefore flows to each window's
 * maximal elements (ties share), average pooling's is spread evenly; overlapping windows add up.
 * Windows lie inside the input (no padding).
 */
public final class Pooling {
    private Pooling() {
    }

    public static Tensor maxPool2d(Tensor x, int kernel, int stride) {
        Pool p = pool("maxPool2d", x, kernel, stride);
        return p.finish(Reduce.apply(ReduceOp.MAX, p.windows, false, 2));
    }

    public static Tensor avgPool2d(Tensor x, int kernel, int stride) {
        Pool p = pool("avgPool2d", x, kernel, stride);
        return p.finish(Rules.scale(Reduce.apply(ReduceOp.SUM, p.windows, false, 2), 1.0 / ((double) kernel * kernel)));
    }

    /** The gathered windows [batch·channels, positions, kernel²] and the output shape. */
    private record Pool(Tensor windows, Shape out) {
        Tensor finish(Tensor reduced) {
            return ShapeOps.reshape(reduced, out);
        }
    }

    private static Pool pool(String op, Tensor x, int kernel, int stride) {
        if (x.rank() != 4)
            throw new IllegalArgumentException(op + ": input must be [batch, channels, height, width], got " + x.shape());
        if (kernel < 1 || stride < 1)
            throw new IllegalArgumentException(op + ": window size and stride must be >= 1, got window " + kernel + ", stride " + stride);
        int batch = x.dim(0), channels = x.dim(1), h = x.dim(2), w = x.dim(3);
        if (kernel > h || kernel > w)
            throw new IllegalArgumentException(op + ": window " + kernel + "x" + kernel + " is larger than the input " + h + "x" + w + " (input " + x.shape() + ")");
        Windows.Geometry g = new Windows.Geometry(1, h, w, kernel, kernel, new ConvSpec(stride, stride, 0, 0, 1, 1));
        int positions = g.outH() * g.outW();
        Tensor planes = ShapeOps.reshape(x, Shape.of(batch * channels, h * w));
        Tensor windows = ShapeOps.reshape(Gather.apply(planes, 1, Windows.table(g)), Shape.of(batch * channels, positions, kernel * kernel));
        return new Pool(windows, Shape.of(batch, channels, g.outH(), g.outW()));
    }
}
