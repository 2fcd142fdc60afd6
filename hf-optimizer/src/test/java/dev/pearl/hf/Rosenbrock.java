package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;

/** Rosenbrock's function f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1), in two forms. */
public final class Rosenbrock {
    private Rosenbrock() {
    }

    public static Params start() {
        return Params.of("xy", Tensor.of(new double[]{-1.2, 1}, 2));
    }

    public static double value(Params p) {
        double[] v = p.get(0).toDoubleArray();
        return (1 - v[0]) * (1 - v[0]) + 100 * (v[1] - v[0] * v[0]) * (v[1] - v[0] * v[0]);
    }

    /** ∇f worked out by hand: (−2(1 − x) − 400x(y − x²), 200(y − x²)). */
    public static double[] gradient(Params p) {
        double[] v = p.get(0).toDoubleArray();
        double x = v[0], y = v[1];
        return new double[]{-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
    }

    /** The residual model's single case: a dummy input and zero targets for the two residuals. */
    static Batch residualCase() {
        return Batch.of(Tensor.zeros(DType.FLOAT64, 1, 1), Tensor.zeros(DType.FLOAT64, 1, 2));
    }

    /** The scalar objective (Hessian path). */
    public static Problem objective() {
        return Problem.ofObjective((p, batch) -> {
            Tensor x = Ops.slice(p.get(0), 0, 0, 1), y = Ops.slice(p.get(0), 0, 1, 2);
            return Ops.sum(Ops.add(Ops.square(Ops.sub(1, x)), Ops.mul(Ops.square(Ops.sub(y, Ops.square(x))), 100)));
        }).withWeightCost(WeightCost.none());
    }

    /**
     * Residuals r = (10(y − x²), 1 − x) as model outputs [1, 2] against zero targets with squared
     * error: the loss ½|r|² is f/2 (Gauss-Newton path).
     */
    static Problem residuals() {
        return Problem.ofModel((p, inputs) -> {
            Tensor x = Ops.slice(p.get(0), 0, 0, 1), y = Ops.slice(p.get(0), 0, 1, 2);
            return Ops.reshape(Ops.concat(0, Ops.mul(Ops.sub(y, Ops.square(x)), 10), Ops.sub(1, x)), 1, 2);
        }, Losses.squaredError()).withWeightCost(WeightCost.none());
    }
}
