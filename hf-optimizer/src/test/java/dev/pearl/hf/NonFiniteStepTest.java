package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.cg.CgStop;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.curvature.CurvatureProduct;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.train.Step;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NonFiniteStepTest {

    /** Σ(x − 1)², but NaN at every point other than the start x = 0 (finite gradient and curvature there). */
    private static Problem nanAwayFromStart() {
        return Problem.ofObjective((p, batch) -> {
            Tensor x = p.get(0);
            Tensor nanUnlessZero = Ops.where(Ops.eq(x, Ops.zerosLike(x)), Ops.zerosLike(x), Ops.full(x.shape(), DType.FLOAT64, x.backend(), Double.NaN));
            return Ops.add(Ops.sum(Ops.square(Ops.sub(x, 1))), Ops.sum(nanUnlessZero));
        }).withWeightCost(WeightCost.none());
    }

    @Test
    void nonFiniteObjectiveRejectsTheStepRaisesLambdaAndContinues() {
        HessianFree hf = new HessianFree(nanAwayFromStart(), BatchPlan.of(Batch.none()), HfOptions.martens().withLineSearch(ArmijoLineSearch.martens().withMaxTries(10)));
        Params start = Params.of(Tensor.of(new double[]{0, 0}, 2));
        HfState state = hf.start(start);
        double lambda = state.lambda();
        for (int i = 1; i <= 3; i++) {
            Step<HfState, HfIteration> step = hf.step(state);
            HfIteration report = step.report();
            assertFalse(report.accepted(), "iteration " + i + " must be rejected");
            assertEquals(Double.NEGATIVE_INFINITY, report.rho());
            assertEquals(lambda * 1.5, step.state().lambda(), 1e-12);
            assertArrayEquals(start.get(0).toDoubleArray(), step.state().parameters().get(0).toDoubleArray(), "θ must not move");
            assertEquals(i, step.state().iteration());
            lambda = step.state().lambda();
            state = step.state();
        }
    }

    /**
     * The Hessian 2I of Σ(x − 1)² for the first product of a solve, then products that overflow:
     * CG holds a finite, useful iterate when the overflow comes.
     */
    private static final Curvature OVERFLOWING = new Curvature() {
        @Override
        public String name() {
            return "overflowing after one product";
        }

        @Override
        public CurvatureProduct at(Problem problem, Params theta, Batch batch) {
            int[] products = {0};
            return v -> v.scale(products[0]++ == 0 ? 2 : Double.POSITIVE_INFINITY);
        }
    };

    @Test
    void nonFiniteCurvatureProductRejectsTheStepEvenWithAFiniteIterate() {
        Problem bowl = Problem.ofObjective((p, batch) -> Ops.sum(Ops.square(Ops.sub(p.get(0), 1)))).withWeightCost(WeightCost.none());
        HessianFree hf = new HessianFree(bowl, BatchPlan.of(Batch.none()), HfOptions.martens().withCurvature(OVERFLOWING));
        Params start = Params.of(Tensor.of(new double[]{0, 3}, 2));
        Step<HfState, HfIteration> step = hf.step(hf.start(start));
        HfIteration report = step.report();
        assertEquals(CgStop.NON_FINITE, report.cgStop());
        assertEquals(1, report.cgIterations(), "one CG step was made before the overflow");
        assertFalse(report.accepted(), "a step from an untrustworthy curvature is rejected");
        assertEquals(Double.NEGATIVE_INFINITY, report.rho());
        assertEquals(45 * 1.5, step.state().lambda(), 1e-12);
        assertArrayEquals(start.get(0).toDoubleArray(), step.state().parameters().get(0).toDoubleArray(), "θ must not move");
        assertFalse(step.state().hasPreviousSolution(), "no warm start from the failed solve");
        assertEquals(1, step.state().iteration(), "the loop goes on");
    }

    @Test
    void nonFiniteGradientKeepsThetaAndRaisesLambda() {
        Problem sqrtAtZero = Problem.ofObjective((p, batch) -> Ops.sum(Ops.sqrt(p.get(0)))).withWeightCost(WeightCost.none());
        HessianFree hf = new HessianFree(sqrtAtZero, BatchPlan.of(Batch.none()));
        Params start = Params.of(Tensor.of(new double[]{0, 1}, 2));
        Step<HfState, HfIteration> step = hf.step(hf.start(start));
        assertFalse(step.report().accepted());
        assertEquals(0, step.report().cgIterations());
        assertEquals(45 * 1.5, step.state().lambda(), 1e-12);
        assertArrayEquals(start.get(0).toDoubleArray(), step.state().parameters().get(0).toDoubleArray());
        assertFalse(step.state().hasPreviousSolution());
    }
}
