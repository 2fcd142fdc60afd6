package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.precondition.DiagonalPreconditioner;
import dev.pearl.hf.precondition.GradientSquares;
import dev.pearl.hf.precondition.Preconditioner;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The measures an HF step reports, against the same quantities worked out by hand on f(θ) = ½θᵀAθ − bᵀθ. */
class StepMeasuresTest {
    private static final double[][] A = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
    private static final double[] B = {1, -2, 3};
    private static final double[] THETA = {0.5, 0.5, -1};

    private static Problem quadratic() {
        Tensor a = Tensor.of(new double[]{4, 1, 0, 1, 3, 1, 0, 1, 2}, 3, 3), b = Tensor.of(B, 3, 1);
        return Problem.ofObjective((p, batch) -> {
            Tensor theta = Ops.reshape(p.get(0), 3, 1);
            return Ops.sub(Ops.mul(Ops.sum(Ops.mul(theta, Ops.matmul(a, theta))), 0.5), Ops.sum(Ops.mul(b, theta)));
        }).withWeightCost(WeightCost.none());
    }

    private static double f(double[] x) {
        double v = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) v += 0.5 * x[i] * A[i][j] * x[j];
            v -= B[i] * x[i];
        }
        return v;
    }

    private static double[] gradient(double[] x) {
        double[] g = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) g[i] += A[i][j] * x[j];
            g[i] -= B[i];
        }
        return g;
    }

    private static HfIteration firstStep(Preconditioner preconditioner, double lambda) {
        HfOptions options = HfOptions.martens().withCurvature(Curvature.hessian()).withInitialLambda(lambda).withPreconditioner(preconditioner);
        HessianFree hf = new HessianFree(quadratic(), BatchPlan.of(Batch.none()), options);
        var step = hf.step(hf.start(Params.of("theta", Tensor.of(THETA, 3))), progress -> { });
        assertEquals(1.0, step.report().stepSize(), "a step of an exact quadratic model is taken whole");
        return step.report();
    }

    @Test
    void normsAndChangesMatchTheStepTaken() {
        double lambda = 0.5;
        HfIteration report = firstStep(Preconditioner.none(), lambda);
        var hf = new HessianFree(quadratic(), BatchPlan.of(Batch.none()),
                HfOptions.martens().withCurvature(Curvature.hessian()).withInitialLambda(lambda).withPreconditioner(Preconditioner.none()));
        double[] next = hf.step(hf.start(Params.of("theta", Tensor.of(THETA, 3))), progress -> { }).state().parameters().get(0).toDoubleArray();
        double[] p = new double[3], g = gradient(THETA);
        double stepNorm = 0, gradientNorm = 0, slope = 0, curvature = 0;
        for (int i = 0; i < 3; i++) {
            p[i] = next[i] - THETA[i];
            stepNorm += p[i] * p[i];
            gradientNorm += g[i] * g[i];
            slope += g[i] * p[i];
        }
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) curvature += p[i] * A[i][j] * p[j];
        StepMeasures m = report.measures();
        double tolerance = 1e-9;
        assertEquals(Math.sqrt(gradientNorm), m.gradientNorm(), tolerance);
        assertEquals(Math.sqrt(stepNorm), m.stepNorm(), tolerance);
        assertEquals(f(next) - f(THETA), m.actualChange(), tolerance);
        // The undamped model gᵀp + ½pᵀAp is exact on a quadratic, so it predicts the actual change.
        assertEquals(slope + 0.5 * curvature, m.predictedChange(), tolerance);
        assertEquals(m.actualChange() / m.predictedChange(), report.rho(), tolerance);
    }

    @Test
    void withoutPreconditionerTheRangeIsOne() {
        StepMeasures m = firstStep(Preconditioner.none(), 1).measures();
        assertEquals(1, m.preconditionerMin());
        assertEquals(1, m.preconditionerMax());
    }

    @Test
    void diagonalPreconditionerRangeIsSquaresPlusLambdaToTheExponent() {
        GradientSquares fixed = (problem, theta, batch, seed) -> Params.of("theta", Tensor.of(new double[]{3, 0, 8}, 3));
        StepMeasures m = firstStep(new DiagonalPreconditioner(0.75, fixed), 1).measures();
        assertEquals(1, m.preconditionerMin(), 1e-12);
        assertEquals(Math.pow(9, 0.75), m.preconditionerMax(), 1e-12);
    }
}
