package dev.pearl.examples.train;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's error measure on a fixed set of images: squared error between each image and its
 * reconstruction sigmoid(outputs), summed over pixels and averaged over cases; and the training
 * loss (cross-entropy, no weight cost) on the same images. Images go through the network in
 * slices, so memory stays bounded however many there are.
 */
final class ReconstructionError implements SetMeasure {
    /** Rows per forward pass: the activations of 1000 cases of the widest layer fit easily. */
    static final int SLICE = 1000;

    private final Mlp mlp;
    private final List<Tensor> slices = new ArrayList<>();
    private final int cases;

    /** The first {@code cases} rows of images. */
    ReconstructionError(Mlp mlp, Tensor images, int cases) {
        this.mlp = mlp;
        this.cases = cases;
        for (int from = 0; from < cases; from += SLICE) slices.add(Ops.slice(images, 0, from, Math.min(cases, from + SLICE)));
    }

    int cases() {
        return cases;
    }

    @Override
    public Measurement measure(Params theta) {
        double loss = 0, error = 0;
        for (Tensor x : slices) {
            Tensor z = mlp.outputs(theta, x);
            // The loss averages over its slice; weight it back to a sum.
            loss += Losses.logisticCrossEntropy().value(z, x).item() * x.dim(0);
            error += Ops.sum(Ops.square(Ops.sub(Ops.sigmoid(z), x))).item();
        }
        return new Measurement(loss / cases, error / cases);
    }

    /** Reconstructions sigmoid(outputs) of the first n images, one row each. */
    static float[][] reconstruct(Mlp mlp, Params theta, Tensor images, int n) {
        Tensor x = Ops.slice(images, 0, 0, n);
        float[] flat = Ops.sigmoid(mlp.outputs(theta, x)).toFloatArray();
        int dim = x.dim(1);
        float[][] rows = new float[n][dim];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * dim, rows[i], 0, dim);
        return rows;
    }
}
