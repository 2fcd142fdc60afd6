package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.nn.Init;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

import java.util.SplittableRandom;

/**
 * A 16-8-3-8-16 auto-encoder (logistic units, linear code, logistic outputs with cross-entropy)
 * on synthetic 16-pixel images that truly have 3 degrees of freedom: bumps of random position,
 * width and height on a 1-D strip, so a 3-unit code can reconstruct them well.
 */
final class TinyAutoencoder {
    static final Mlp NET = Mlp.autoencoder(16, 8, 3, 8, 16);

    private TinyAutoencoder() {
    }

    static Problem problem() {
        return Problem.ofModel(NET::outputs, Losses.logisticCrossEntropy());
    }

    static Params init(long seed) {
        return NET.init(Init.sparse(15), Backends.defaultBackend(), DType.FLOAT64, seed);
    }

    static Batch data(int cases, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[cases * 16];
        for (int n = 0; n < cases; n++) {
            double centre = random.nextDouble(2, 14), width = random.nextDouble(1, 3), height = random.nextDouble(0.5, 1);
            for (int i = 0; i < 16; i++) x[n * 16 + i] = height * Math.exp(-0.5 * Math.pow((i - centre) / width, 2));
        }
        Tensor t = Tensor.of(x, cases, 16);
        return Batch.of(t, t);
    }

    /** The paper's error measure: squared error summed over pixels, averaged over cases. */
    static double reconstructionError(Params theta, Batch batch) {
        Tensor prediction = Ops.sigmoid(NET.outputs(theta, batch.inputs()));
        return Ops.sum(Ops.square(Ops.sub(prediction, batch.targets()))).item() / batch.size();
    }
}
