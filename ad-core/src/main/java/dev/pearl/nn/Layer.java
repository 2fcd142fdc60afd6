package dev.pearl.nn;

import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * One stage of a {@link Sequential} network. Shapes here are those of one case (no leading cases
 * axis); {@link #apply} works on a batch [cases, ...]. A layer's parameters are named from the
 * prefix its network gives it (e.g. "conv1." gives "conv1.w" and "conv1.b").
 */
public interface Layer {
    /**
     * Short name of the kind of layer ("conv", "dense", "maxpool", "tanh"), used in parameter names and messages.
     *
     * @return the kind's name
     */
    String kind();

    /**
     * One case's output shape for one case's input shape; throws naming the layer when the input does not fit.
     *
     * @param input one case's input shape (no cases axis)
     * @return one case's output shape
     * @throws IllegalArgumentException if the layer cannot take that input
     */
    Shape outputShape(Shape input);

    /**
     * Adds this layer's initial parameters for one case's input shape; layers without parameters add none.
     *
     * @param params the builder to add to
     * @param prefix the start of this layer's parameter names, such as "conv1."
     * @param input one case's input shape
     * @param backend where the parameters live
     * @param dtype their element type
     * @param seed the random seed for this layer's weights
     */
    default void init(Params.Builder params, String prefix, Shape input, Backend backend, DType dtype, long seed) {
    }

    /**
     * The layer applied to a batch x [cases, ...input], reading its parameters from p.
     *
     * @param p the network's parameters
     * @param prefix the start of this layer's parameter names
     * @param x the batch [cases, ...input]
     * @return the batch's outputs [cases, ...output]
     */
    Tensor apply(Params p, String prefix, Tensor x);

    /**
     * Where this layer can take the cases axis; layers that say other than FIRST implement
     * {@link #applyCasesLast}.
     *
     * @return FIRST unless overridden
     */
    default CasesLayout casesLayout() {
        return CasesLayout.FIRST;
    }

    /**
     * The layer applied to a batch held cases last, x [...input, cases], giving [...output, cases];
     * the same values as {@link #apply}, transposed.
     *
     * @param p the network's parameters
     * @param prefix the start of this layer's parameter names
     * @param x the batch [...input, cases]
     * @return the batch's outputs [...output, cases]
     * @throws UnsupportedOperationException if {@link #casesLayout} is FIRST
     */
    default Tensor applyCasesLast(Params p, String prefix, Tensor x) {
        throw new UnsupportedOperationException(kind() + " takes only batches with the cases first");
    }
}
