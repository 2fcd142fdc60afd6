package dev.pearl.prim;

import dev.pearl.backend.ConvPass;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.ConvSpec;
import dev.pearl.tensor.DenseTensor;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;
import dev.pearl.trace.Primitive;

/**
 * One of a convolution's three products on tensors held cases last ({@link ConvPass}): the
 * convolution, its transpose (input gradient) and the correlation giving the weight gradient.
 * Each is bilinear, so its JVP is the same product applied to each tangent in turn, and each one's
 * VJPs are the other two: for y = conv(x, w), <conv(x, w), dy> = <x, transpose(dy, w)> =
 * <w, correlate(x, dy)>, read in each argument. The backend computes the product
 * ({@link Backend#convolution}); {@link Convolution} checks the user's shapes with messages in the
 * user's layout, and each product checks again that its three shapes are one convolution's. An
 * empty input, weight or output tensor (no cases, channels or filters) gives zeros.
 */
final class ConvProduct extends Primitive {
    private final ConvPass pass;
    private final ConvSpec spec;
    private final Shape out;

    private ConvProduct(ConvPass pass, ConvSpec spec, Shape out) {
        super(switch (pass) {
            case FORWARD -> "conv2d";
            case INPUT_GRADIENT -> "conv2d input gradient";
            case WEIGHT_GRADIENT -> "conv2d weight gradient";
        });
        this.pass = pass;
        this.spec = spec;
        this.out = out;
    }

    /** The product of a and b (see {@link ConvPass} for their roles), of shape out. */
    static Tensor apply(ConvPass pass, Tensor a, Tensor b, ConvSpec spec, Shape out) {
        return new ConvProduct(pass, spec, out).bind(a, b);
    }

    @Override
    public Shape outputShape(Tensor[] in) {
        if (in[0].rank() != 4 || in[1].rank() != 4)
            throw new IllegalArgumentException(name() + ": needs 4-D operands, got " + describe(in));
        // The three shapes (input, weights, output) in this pass's roles must be one convolution's.
        Shape a = in[0].shape(), b = in[1].shape();
        Shape x = pass.input(a, b, out), w = pass.weights(a, b, out), y = pass.output(a, b, out);
        Shape expected = Shape.of(w.dim(0), spec.outputHeight(x.dim(1), w.dim(2)), spec.outputWidth(x.dim(2), w.dim(3)), x.dim(3));
        if (x.dim(0) != w.dim(1) || !y.equals(expected))
            throw new IllegalArgumentException(name() + ": input " + x + ", weights " + w + " and output " + y
                    + " are not one convolution's shapes (" + spec + ")");
        return out;
    }

    @Override
    protected DenseTensor forward(Backend backend, DenseTensor[] in, Shape shape) {
        if (in[0].size() == 0 || in[1].size() == 0 || shape.size() == 0) return backend.full(shape, in[0].dtype(), 0.0);  // empty sums
        return backend.convolution(pass, in[0], in[1], spec, shape);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor first = t[0] == null ? null : apply(pass, t[0], x[1], spec, out);
        Tensor second = t[1] == null ? null : apply(pass, x[0], t[1], spec, out);
        return Rules.plus(first, second);
    }

    @Override
    public Tensor[] vjp(Tensor[] x, Tensor y, Tensor ct, boolean[] needs) {
        Shape s0 = x[0].shape(), s1 = x[1].shape();
        Tensor g0 = null, g1 = null;
        switch (pass) {
            case FORWARD -> { // (x, w): dx = transpose(ct, w), dw = correlate(x, ct)
                if (needs[0]) g0 = apply(ConvPass.INPUT_GRADIENT, ct, x[1], spec, s0);
                if (needs[1]) g1 = apply(ConvPass.WEIGHT_GRADIENT, x[0], ct, spec, s1);
            }
            case INPUT_GRADIENT -> { // (dy, w), ct shaped as the input: d dy = conv(ct, w), dw = correlate(ct, dy)
                if (needs[0]) g0 = apply(ConvPass.FORWARD, ct, x[1], spec, s0);
                if (needs[1]) g1 = apply(ConvPass.WEIGHT_GRADIENT, ct, x[0], spec, s1);
            }
            case WEIGHT_GRADIENT -> { // (x, dy), ct shaped as the weights: dx = transpose(dy, ct), d dy = conv(x, ct)
                if (needs[0]) g0 = apply(ConvPass.INPUT_GRADIENT, x[1], ct, spec, s0);
                if (needs[1]) g1 = apply(ConvPass.FORWARD, x[0], ct, spec, s1);
            }
        }
        return new Tensor[]{g0, g1};
    }

    @Override
    public boolean vjpReadsOutput() {
        return false;
    }
}
