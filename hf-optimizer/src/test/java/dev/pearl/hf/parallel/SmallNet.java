package dev.pearl.hf.parallel;

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
 * A 12-6-2-6-12 logistic auto-encoder on random bumps: a serialisable description (the sizes)
 * that every shard rebuilds its problem from.
 */
public record SmallNet(int... sizes) implements ProblemSpec {
    public static final SmallNet DEFAULT = new SmallNet(12, 6, 2, 6, 12);

    @Override
    public Problem build() {
        Mlp net = Mlp.autoencoder(sizes);
        return Problem.ofModel(net::outputs, Losses.logisticCrossEntropy());
    }

    public Params init(DType dtype, long seed) {
        return Mlp.autoencoder(sizes).init(Init.sparse(5), Backends.defaultBackend(), dtype, seed);
    }

    public Batch data(int cases, DType dtype, long seed) {
        int width = sizes[0];
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[cases * width];
        for (int n = 0; n < cases; n++) {
            double centre = random.nextDouble(1, width - 1), spread = random.nextDouble(0.8, 2.5);
            for (int i = 0; i < width; i++) x[n * width + i] = Math.exp(-0.5 * Math.pow((i - centre) / spread, 2));
        }
        Tensor t = Tensor.of(dtype, x, cases, width);
        return Batch.of(t, t);
    }
}
