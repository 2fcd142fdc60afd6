package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * Max or average pooling over k x k windows every s pixels of [channels, height, width] cases,
 * optionally padded (max pooling ignores the padding, average pooling counts it as zeros).
 */
public final class Pool2d implements Layer {
    private final boolean max;
    private final int window, stride, padding;

    private Pool2d(boolean max, int window, int stride, int padding) {
        if (window < 1 || stride < 1)
            throw new IllegalArgumentException("pool: window and stride must be >= 1, got " + window + " and " + stride);
        if (padding < 0 || 2 * padding > window)
            throw new IllegalArgumentException("pool: padding must lie between 0 and half the window " + window + ", got " + padding);
        this.max = max;
        this.window = window;
        this.stride = stride;
        this.padding = padding;
    }

    /**
     * Non-overlapping k x k maxima.
     *
     * @param window the window's side k, which is also the stride, &gt;= 1
     * @return the layer
     * @throws IllegalArgumentException if window is below 1
     */
    public static Pool2d max(int window) {
        return new Pool2d(true, window, window, 0);
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
        return new Pool2d(true, window, stride, 0);
    }

    /**
     * k x k maxima every stride pixels of the cases padded by {@code padding} pixels on each side;
     * a padded pixel is never a maximum.
     *
     * @param window the window's side k, &gt;= 1
     * @param stride the step between windows in pixels, &gt;= 1
     * @param padding the pixels added on each side, between 0 and k / 2
     * @return the layer
     * @throws IllegalArgumentException if a value is out of range
     */
    public static Pool2d max(int window, int stride, int padding) {
        return new Pool2d(true, window, stride, padding);
    }

    /**
     * Non-overlapping k x k means.
     *
     * @param window the window's side k, which is also the stride, &gt;= 1
     * @return the layer
     * @throws IllegalArgumentException if window is below 1
     */
    public static Pool2d average(int window) {
        return new Pool2d(false, window, window, 0);
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
        return new Pool2d(false, window, stride, 0);
    }

    /**
     * k x k means every stride pixels of the cases padded by {@code padding} zeros on each side
     * (every mean divides by k²).
     *
     * @param window the window's side k, &gt;= 1
     * @param stride the step between windows in pixels, &gt;= 1
     * @param padding the pixels added on each side, between 0 and k / 2
     * @return the layer
     * @throws IllegalArgumentException if a value is out of range
     */
    public static Pool2d average(int window, int stride, int padding) {
        return new Pool2d(false, window, stride, padding);
    }

    @Override
    public String kind() {
        return max ? "maxpool" : "avgpool";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3 || input.dim(1) + 2 * padding < window || input.dim(2) + 2 * padding < window)
            throw new IllegalArgumentException(kind() + ": window " + window + "x" + window + " needs [channels, height, width] cases at least that large"
                    + (padding > 0 ? " when padded by " + padding : "") + ", got " + input);
        return Shape.of(input.dim(0), (input.dim(1) + 2 * padding - window) / stride + 1, (input.dim(2) + 2 * padding - window) / stride + 1);
    }

    @Override
    public Tensor apply(Params p, String prefix, Tensor x) {
        return max ? Ops.maxPool2d(x, window, stride, padding) : Ops.avgPool2d(x, window, stride, padding);
    }

    @Override
    public CasesLayout casesLayout() {
        return CasesLayout.LAST;
    }

    @Override
    public Tensor applyCasesLast(Params p, String prefix, Tensor x) {
        return max ? Ops.maxPool2dCasesLast(x, window, stride, padding) : Ops.avgPool2dCasesLast(x, window, stride, padding);
    }
}
