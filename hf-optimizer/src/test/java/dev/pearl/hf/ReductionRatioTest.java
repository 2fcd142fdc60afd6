package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ρ on an exactly quadratic objective, where the exact-Hessian model makes no error. */
class ReductionRatioTest {
    private static final double[] A = {4, 1, 0, 1, 3, 1, 0, 1, 2};
    private static final double[] B = {1, -2, 3};

    /** f(θ) = ½ θᵀAθ − bᵀθ with A symmetric positive definite. */
    private static Problem quadratic() {
        Tensor a = Tensor.of(A, 3, 3), b = Tensor.of(B, 3, 1);
        return Problem.ofObjective((p, batch) -> {
            Tensor theta = Ops.reshape(p.get(0), 3, 1);
            Tensor quad = Ops.mul(Ops.sum(Ops.mul(theta, Ops.matmul(a, theta))), 0.5);
            return Ops.sub(quad, Ops.sum(Ops.mul(b, theta)));
        }).withWeightCost(WeightCost.none());
    }

    private static double firstRho(LevenbergMarquardt damping, double lambda) {
        HfOptions options = HfOptions.martens().withCurvature(Curvature.hessian()).withDamping(damping.withInitialLambda(lambda));
        HessianFree hf = new HessianFree(quadratic(), BatchPlan.of(Batch.none()), options);
        return hf.step(hf.start(Params.of("theta", Tensor.of(new double[]{0.5, 0.5, -1}, 3))), progress -> { }).report().rho();
    }

    @Test
    void undampedModelGivesRhoOneWheneverTheModelIsExact() {
        for (double lambda : new double[]{1e-3, 1, 45})
            assertEquals(1.0, firstRho(LevenbergMarquardt.martens(), lambda), 1e-9, "λ = " + lambda);
    }

    @Test
    void dampedModelReadsAboveOneAndMoreSoAsLambdaGrows() {
        LevenbergMarquardt damped = LevenbergMarquardt.martens().withDampedModel(true);
        double small = firstRho(damped, 0.1), large = firstRho(damped, 45);
        assertTrue(small > 1 && large > small, "damped ρ at λ = 0.1: " + small + ", at λ = 45: " + large);
    }
}
