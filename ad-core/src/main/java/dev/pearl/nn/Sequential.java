package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers applied one after another to cases of a fixed shape. {@link #outputs} returns the last
 * layer's output, the pre-activations z a matching {@link Loss} turns into predictions, so it
 * takes {@link GaussNewton} products as an {@link Mlp} does. A LeNet-5-like network on 28x28
 * images:
 * <pre>
 * Sequential net = Sequential.of(Shape.of(1, 28, 28),
 *         Conv2d.of(6, 5, ConvSpec.of(1, 2, 1)), Activation.TANH, Pool2d.max(2),
 *         Conv2d.of(16, 5), Activation.TANH, Pool2d.max(2),
 *         Flatten.INSTANCE, Dense.of(120), Activation.TANH, Dense.of(84), Activation.TANH, Dense.of(10));
 * Params theta = net.init(backend, DType.FLOAT32, 1);
 * Tensor z = net.outputs(theta, images);   // [cases, 10]
 * </pre>
 * Parameters are named by layer kind and count: conv1.w, conv1.b, conv2.w, ..., dense1.w, ...
 * Stretches of convolutions, pooling and activations run on the batch held cases last (see
 * {@link CasesLayout}); the outputs are the same.
 */
public final class Sequential {
    private final Shape input;
    private final List<Layer> layers;
    private final List<Shape> inputs;
    private final List<String> prefixes;
    /** Per layer: whether it runs on the batch held cases last (see {@link CasesLayout}). */
    private final boolean[] casesLast;

    private Sequential(Shape input, List<Layer> layers) {
        this.input = input;
        this.layers = List.copyOf(layers);
        List<Shape> shapes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        Shape s = input;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            shapes.add(s);
            names.add(l.kind() + counts.merge(l.kind(), 1, Integer::sum) + ".");
            try {
                s = l.outputShape(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + (i + 1) + " (" + l.kind() + ") of " + layers.size() + ": " + e.getMessage(), e);
            }
        }
        shapes.add(s);
        this.inputs = shapes;
        this.prefixes = names;
        this.casesLast = casesLastStretches(this.layers);
    }

    /** Stretches of layers that all take the cases last and hold one that prefers it run cases last. */
    private static boolean[] casesLastStretches(List<Layer> layers) {
        boolean[] last = new boolean[layers.size()];
        for (int i = 0; i < layers.size(); ) {
            int end = i;
            boolean prefers = false;
            while (end < layers.size() && layers.get(end).casesLayout() != CasesLayout.FIRST)
                prefers |= layers.get(end++).casesLayout() == CasesLayout.LAST;
            for (int j = i; j < end; j++) last[j] = prefers;
            i = Math.max(end, i + 1);
        }
        return last;
    }

    /**
     * The layers applied in order to cases of shape {@code input}; their shapes are checked now.
     *
     * @param input one case's input shape (no cases axis)
     * @param layers the layers, first applied first
     * @return the network
     * @throws IllegalArgumentException naming the first layer whose input shape does not fit
     */
    public static Sequential of(Shape input, Layer... layers) {
        return new Sequential(input, List.of(layers));
    }

    /**
     * One case's input shape.
     *
     * @return the shape given to {@link #of}
     */
    public Shape inputShape() {
        return input;
    }

    /**
     * One case's output shape.
     *
     * @return the last layer's output shape for one case
     */
    public Shape outputShape() {
        return inputs.get(layers.size());
    }

    /**
     * Initial parameters, each layer seeded from {@code seed} and its position.
     *
     * @param backend where the parameters live
     * @param dtype their element type
     * @param seed the random seed
     * @return every layer's parameters, in layer order
     */
    public Params init(Backend backend, DType dtype, long seed) {
        Params.Builder b = Params.builder();
        for (int i = 0; i < layers.size(); i++)
            layers.get(i).init(b, prefixes.get(i), inputs.get(i), backend, dtype, seed * 1_000_003L + i);
        return b.build();
    }

    /**
     * The last layer's output for x [cases, ...inputShape()].
     *
     * @param p the parameters, as {@link #init} names them
     * @param x the batch [cases, ...inputShape()]
     * @return the outputs [cases, ...outputShape()]
     * @throws IllegalArgumentException if x does not have that shape
     */
    public Tensor outputs(Params p, Tensor x) {
        boolean fits = x.rank() == input.rank() + 1;
        for (int i = 0; fits && i < input.rank(); i++) fits = x.dim(i + 1) == input.dim(i);
        if (!fits) throw new IllegalArgumentException("Sequential expects inputs [cases, " + dims(input) + "], got " + x.shape());
        Tensor h = x;
        boolean held = false; // whether h is cases last
        for (int i = 0; i < layers.size(); i++) {
            if (casesLast[i] != held) {
                h = casesLast[i] ? Ops.transpose(h, rotation(h.rank(), 1)) : Ops.transpose(h, rotation(h.rank(), h.rank() - 1));
                held = casesLast[i];
            }
            h = held ? layers.get(i).applyCasesLast(p, prefixes.get(i), h) : layers.get(i).apply(p, prefixes.get(i), h);
        }
        return held ? Ops.transpose(h, rotation(h.rank(), h.rank() - 1)) : h;
    }

    /** The axes order (k, k+1, .., rank-1, 0, .., k-1): 1 moves the first axis last, rank-1 the last first. */
    private static int[] rotation(int rank, int k) {
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) perm[i] = (k + i) % rank;
        return perm;
    }

    private static String dims(Shape s) {
        String t = s.toString();
        return t.substring(1, t.length() - 1);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential").append(input);
        for (int i = 0; i < layers.size(); i++) sb.append(" -> ").append(layers.get(i).kind()).append(inputs.get(i + 1));
        return sb.toString();
    }
}
