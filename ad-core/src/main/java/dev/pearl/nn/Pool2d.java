package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/** Max or average pooling over k x k windows every s pixels of [channels, height, width] cases. */
public final class Pool2d implements Layer {
    private final boolean max;
    private final int window, stride;

    private Pool2d(boolean max, int window, int stride) {
        if (window < 1 || stride < 1)
            throw new IllegalArgumentException("pool: window and stride must be >= 1, got " + window + " and " + stride);
        this.max = max;
        this.window = window;
        this.stride = stride;
    }

    /**
     * Non-overlapping k x k maxima.
     *
     * @param window the window's side k, which is also the stride, &gt;= 1
     * @return the layer
     * @throws IllegalArgumentException if window is below 1
     */
    public static Pool2d max(int window) {
        return new Pool2d(true, window, window);
    }

    /**
     * k x k maxima every stride pixels (overlapping when stride &lt; k).
     *
     * @param window the window's side k, &gt;= 1
     * @param stride the step between windows in pixels, &gt;= 1
     * @return the layer
     * @throws IllegalArgumentException if window or stride is below 1
     */
    public static Pool2d max(int window, int stride) {
        return new Pool2d(true, window, stride);
    }

    /**
     * Non-overlapping k x k means.
     *
     * @param window the window's side k, which is also the stride, &gt;= 1
     * @return the layer
     * @throws IllegalArgumentException if window is below 1
     */
    public static Pool2d average(int window) {
        return new Pool2d(false, window, window);
    }

    /**
     * k x k means every stride pixels (overlapping when stride &lt; k).
     *
     * @param window the window's side k, &gt;= 1
     * @param stride the step between windows in pixels, &gt;= 1
     * @return the layer
     * @throws IllegalArgumentException if window or stride is below 1
     */
    public static Pool2d average(int window, int stride) {
        return new Pool2d(false, window, stride);
    }

    @Override
    public String kind() {
        return max ? "maxpool" : "avgpool";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3 || input.dim(1) < window || input.dim(2) < window)
            throw new IllegalArgumentException(kind() + ": window " + window + "x" + window + " needs [channels, height, width] cases at least that large, got " + input);
        return Shape.of(input.dim(0), (input.dim(1) - window) / stride + 1, (input.dim(2) - window) / stride + 1);
    }

    @Override
    public Tensor apply(Params p, String prefix, Tensor x) {
        return max ? Ops.maxPool2d(x, window, stride) : Ops.avgPool2d(x, window, stride);
    }
}
