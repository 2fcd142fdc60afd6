package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.Arrays;

/**
 * A fully connected network: layer l computes a_l = h_{l-1}·W_l + b_l, h_l = act_l(a_l).
 * {@link #outputs} returns the last layer's pre-activations z, which a matching {@link Loss}
 * turns into predictions; so the last entry of {@code activations} is not applied there.
 * Parameters are named W1, b1, W2, b2, ...
 */
public final class Mlp {
    private final int[] sizes;
    private final Activation[] activations;

    /**
     * sizes = units per layer including input and output; activations has sizes.length - 1 entries.
     *
     * @param sizes units per layer, input first, at least two entries
     * @param activations the nonlinearity after each layer; the last is the loss's and not applied by {@link #outputs}
     * @throws IllegalArgumentException if there are fewer than two sizes or the counts do not match
     */
    public Mlp(int[] sizes, Activation[] activations) {
        if (sizes.length < 2 || activations.length != sizes.length - 1)
            throw new IllegalArgumentException("Mlp: " + sizes.length + " layer sizes need " + (sizes.length - 1) + " activations, got " + activations.length);
        this.sizes = sizes.clone();
        this.activations = activations.clone();
    }

    /**
     * The deep auto-encoder of Hinton and Salakhutdinov (2006): logistic units everywhere except
     * the linear code layer (the narrowest); the output layer is logistic through the loss.
     *
     * @param sizes units per layer, input first, at least two; the narrowest hidden layer is the code
     * @return the network
     */
    public static Mlp autoencoder(int... sizes) {
        Activation[] acts = new Activation[sizes.length - 1];
        int code = 1;
        for (int i = 1; i < sizes.length - 1; i++) if (sizes[i] < sizes[code]) code = i;
        for (int l = 0; l < acts.length; l++) acts[l] = l + 1 == code ? Activation.LINEAR : Activation.LOGISTIC;
        return new Mlp(sizes, acts);
    }

    /**
     * Units per layer, input first.
     *
     * @return a copy of the sizes
     */
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * The number of weight layers.
     *
     * @return sizes().length - 1
     */
    public int layers() {
        return sizes.length - 1;
    }

    /**
     * Parameters: weights from {@code init} (seeded per layer), zero biases.
     *
     * @param init how each weight matrix is drawn
     * @param backend where the parameters live
     * @param dtype their element type
     * @param seed the random seed
     * @return W1, b1, W2, b2, ... in order
     */
    public Params init(Init init, Backend backend, DType dtype, long seed) {
        Params.Builder b = Params.builder();
        for (int l = 0; l < layers(); l++) {
            b.add("W" + (l + 1), init.weights(backend, dtype, sizes[l], sizes[l + 1], seed * 1_000_003L + l));
            b.add("b" + (l + 1), backend.full(Shape.of(sizes[l + 1]), dtype, 0));
        }
        return b.build();
    }

    /**
     * The output layer's pre-activations for inputs x of shape [cases, sizes[0]].
     *
     * @param p the parameters, in {@link #init}'s order
     * @param x the inputs [cases, sizes[0]]
     * @return z [cases, last size]
     * @throws IllegalArgumentException if x has another shape
     */
    public Tensor outputs(Params p, Tensor x) {
        if (x.rank() != 2 || x.dim(1) != sizes[0])
            throw new IllegalArgumentException("Mlp expects inputs [cases, " + sizes[0] + "], got " + x.shape());
        Tensor h = x;
        for (int l = 0; l < layers(); l++) {
            Tensor a = Ops.add(Ops.matmul(h, p.get(2 * l)), p.get(2 * l + 1));
            h = l == layers() - 1 ? a : activations[l].apply(a);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(sizes);
    }
}
