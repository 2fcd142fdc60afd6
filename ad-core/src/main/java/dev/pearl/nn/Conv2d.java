package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * A 2-D convolution layer with a bias per output channel, on [channels, height, width] cases:
 * {@code Ops.conv2d(x, w, spec) + b}, w [out, channels, k, k], b [out].
 */
public final class Conv2d implements Layer {
    private final int outChannels, kernel;
    private final ConvSpec spec;
    private final Init init;

    private Conv2d(int outChannels, int kernel, ConvSpec spec, Init init) {
        if (outChannels < 1 || kernel < 1)
            throw new IllegalArgumentException("conv: output channels and kernel size must be >= 1, got " + outChannels + " and " + kernel);
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.spec = spec;
        this.init = init;
    }

    /**
     * k x k kernels, stride 1, no padding; weights N(0, 1/fan-in), zero biases.
     *
     * @param outChannels the number of output channels (filters), &gt;= 1
     * @param kernel the kernel's side k, &gt;= 1
     * @return the layer
     * @throws IllegalArgumentException if outChannels or kernel is below 1
     */
    public static Conv2d of(int outChannels, int kernel) {
        return new Conv2d(outChannels, kernel, ConvSpec.DEFAULT, Init.scaledNormal());
    }

    /**
     * k x k kernels with the given stride, padding and dilation; weights N(0, 1/fan-in), zero biases.
     *
     * @param outChannels the number of output channels (filters), &gt;= 1
     * @param kernel the kernel's side k, &gt;= 1
     * @param spec stride, padding and dilation
     * @return the layer
     * @throws IllegalArgumentException if outChannels or kernel is below 1
     */
    public static Conv2d of(int outChannels, int kernel, ConvSpec spec) {
        return new Conv2d(outChannels, kernel, spec, Init.scaledNormal());
    }

    /**
     * k x k kernels with the given geometry and weight initialisation; zero biases.
     *
     * @param outChannels the number of output channels (filters), &gt;= 1
     * @param kernel the kernel's side k, &gt;= 1
     * @param spec stride, padding and dilation
     * @param init how the weights are drawn (fan-in = channels·k·k, fan-out = outChannels)
     * @return the layer
     * @throws IllegalArgumentException if outChannels or kernel is below 1
     */
    public static Conv2d of(int outChannels, int kernel, ConvSpec spec, Init init) {
        return new Conv2d(outChannels, kernel, spec, init);
    }

    @Override
    public String kind() {
        return "conv";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 3)
            throw new IllegalArgumentException("conv: needs [channels, height, width] cases, got " + input);
        int spanH = spec.dilationH() * (kernel - 1) + 1, spanW = spec.dilationW() * (kernel - 1) + 1;
        if (spanH > input.dim(1) + 2 * spec.padH() || spanW > input.dim(2) + 2 * spec.padW())
            throw new IllegalArgumentException("conv: kernel " + kernel + "x" + kernel + " (" + spec + ") does not fit the case shape " + input);
        return Shape.of(outChannels, spec.outputHeight(input.dim(1), kernel), spec.outputWidth(input.dim(2), kernel));
    }

    /** Weights drawn as [fan-in, out] like a dense layer's (fan-in = channels·k·k), stored as [out, channels, k, k]. */
    @Override
    public void init(Params.Builder params, String prefix, Shape input, Backend backend, DType dtype, long seed) {
        int channels = input.dim(0), fanIn = channels * kernel * kernel;
        Tensor w = Ops.transpose(init.weights(backend, dtype, fanIn, outChannels, seed));
        params.add(prefix + "w", Ops.reshape(w, outChannels, channels, kernel, kernel));
        params.add(prefix + "b", backend.full(Shape.of(outChannels), dtype, 0));
    }

    @Override
    public Tensor apply(Params p, String prefix, Tensor x) {
        Tensor y = Ops.conv2d(x, p.get(prefix + "w"), spec);
        return Ops.add(y, Ops.reshape(p.get(prefix + "b"), outChannels, 1, 1));
    }

    @Override
    public CasesLayout casesLayout() {
        return CasesLayout.LAST;
    }

    @Override
    public Tensor applyCasesLast(Params p, String prefix, Tensor x) {
        Tensor y = Ops.conv2dCasesLast(x, p.get(prefix + "w"), spec);
        return Ops.add(y, Ops.reshape(p.get(prefix + "b"), outChannels, 1, 1, 1));
    }
}
