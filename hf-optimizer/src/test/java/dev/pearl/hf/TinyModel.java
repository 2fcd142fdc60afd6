package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Activation;
import dev.pearl.nn.Init;
import dev.pearl.nn.Losses;
import dev.pearl.nn.Mlp;
import dev.pearl.tensor.Backends;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Shape;
import dev.pearl.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/** A 3-4-2 tanh network with logistic cross-entropy on a few random cases, for exact comparisons. */
public final class TinyModel {
    public static final Mlp NET = new Mlp(new int[]{3, 4, 2}, new Activation[]{Activation.TANH, Activation.LINEAR});

    private TinyModel() {
    }

    public static Problem problem() {
        return Problem.ofModel(NET::outputs, Losses.logisticCrossEntropy()).withWeightCost(WeightCost.none());
    }

    public static Params theta(long seed) {
        return NET.init(Init.scaledNormal(), Backends.defaultBackend(), DType.FLOAT64, seed)
                .map(t -> Ops.add(t, Ops.mul(Tensor.randomNormal(seed + t.size(), DType.FLOAT64, t.shape().dims()), 0.3)));
    }

    public static Batch data(int cases, long seed) {
        return Batch.of(Tensor.randomNormal(seed, DType.FLOAT64, cases, 3), Tensor.randomUniform(seed + 1, DType.FLOAT64, cases, 2));
    }

    public static Params direction(Params like, long seed) {
        return like.map(t -> Backends.defaultBackend().randomNormal(Shape.of(t.shape().dims()), DType.FLOAT64, seed + t.size()));
    }

    /** Each case's data-loss gradient, one single-case gradient at a time. */
    public static List<Params> perCaseGradients(Problem problem, Params theta, Batch batch) {
        List<Params> gradients = new ArrayList<>();
        for (int n = 0; n < batch.size(); n++) {
            Batch one = batch.slice(n, n + 1);
            gradients.add(AD.grad(p -> problem.dataLoss(p, one), theta));
        }
        return gradients;
    }

    /** (1/N) Σ_n g_n ∘ g_n from explicit per-case gradients. */
    public static Params meanSquares(List<Params> gradients) {
        Params sum = gradients.get(0).zerosLike();
        for (Params g : gradients) sum = sum.add(g.zip(g, Ops::mul));
        return sum.scale(1.0 / gradients.size());
    }

    public static double relative(Params a, Params b) {
        return a.sub(b).norm() / Math.max(1e-300, b.norm());
    }
}
