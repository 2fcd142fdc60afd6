package dev.pearl.nn;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Backend;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Index;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

/**
 * A text classifier on token ids: each case's tokens are looked up in an embedding table
 * [vocabulary, dimension], averaged, and passed through a head of layers whose last output is
 * the pre-activations z for a matching {@link Loss}:
 * <pre>
 * BagOfEmbeddings model = new BagOfEmbeddings(5000, 32, Dense.of(16), Activation.TANH, Dense.of(4));
 * Params theta = model.init(backend, DType.FLOAT32, 1);
 * Tensor z = model.outputs(theta, Index.of(ids, cases, length));   // -1 pads shorter texts
 * </pre>
 * Parameters: "embedding" and the head's (dense1.w, ...).
 */
public final class BagOfEmbeddings {
    private final int vocabulary, dimension;
    private final Sequential head;

    /**
     * A model over token ids 0 .. vocabulary-1.
     *
     * @param vocabulary the number of distinct token ids, &gt;= 1
     * @param dimension the length of each embedding, &gt;= 1
     * @param head the layers after the averaged embedding, which take [dimension] cases
     * @throws IllegalArgumentException if vocabulary or dimension is below 1, or the head does not fit
     */
    public BagOfEmbeddings(int vocabulary, int dimension, Layer... head) {
        if (vocabulary < 1 || dimension < 1)
            throw new IllegalArgumentException("bag of embeddings: vocabulary and dimension must be >= 1, got " + vocabulary + " and " + dimension);
        this.vocabulary = vocabulary;
        this.dimension = dimension;
        this.head = Sequential.of(Shape.of(dimension), head);
    }

    /**
     * Embeddings N(0, 1/dimension), the head's layers as they initialise themselves.
     *
     * @param backend where the parameters live
     * @param dtype their element type
     * @param seed the random seed (the head uses seed + 1)
     * @return "embedding" followed by the head's parameters
     */
    public Params init(Backend backend, DType dtype, long seed) {
        Tensor table = Ops.mul(backend.randomNormal(Shape.of(vocabulary, dimension), dtype, seed), 1 / Math.sqrt(dimension));
        Params.Builder b = Params.builder().add("embedding", table);
        Params h = head.init(backend, dtype, seed + 1);
        for (int i = 0; i < h.size(); i++) b.add(h.name(i), h.get(i));
        return b.build();
    }

    /**
     * The head's output for token ids [cases, length]; -1 marks padding, which the mean skips
     * (a case of padding only averages to zero). An id outside the vocabulary is an error naming it.
     *
     * @param p the parameters, as {@link #init} names them
     * @param tokens token ids [cases, length], each in [-1, vocabulary)
     * @return the head's outputs [cases, ...]
     * @throws IllegalArgumentException if tokens is not 2-D or an id is out of range
     */
    public Tensor outputs(Params p, Index tokens) {
        if (tokens.shape().rank() != 2)
            throw new IllegalArgumentException("bag of embeddings: token ids must be [cases, length], got " + tokens.shape());
        int cases = tokens.shape().dim(0), length = tokens.shape().dim(1);
        Tensor table = p.get("embedding");
        Tensor sums = Ops.sum(Ops.gather(table, 0, tokens), 1);  // [cases, dimension]
        int[] counts = length == 0 ? new int[cases] : tokens.selectedPerRow(length);
        double[] inverse = new double[cases];
        for (int i = 0; i < cases; i++) inverse[i] = 1.0 / Math.max(1, counts[i]);
        Tensor scale = table.backend().fromArray(inverse, Shape.of(cases, 1), table.dtype());
        return head.outputs(p, Ops.mul(sums, scale));
    }
}
