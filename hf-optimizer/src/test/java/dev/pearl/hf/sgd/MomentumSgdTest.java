package dev.pearl.hf.sgd;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.Quadratic;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.train.Step;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static dev.pearl.hf.NumericAssertions.assertArrayClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentumSgdTest {
    /** f(x) = ½ Σ a_i x_i², gradient a ∘ x. */
    private static final double[] A = {1, 4};
    private static final Problem QUADRATIC = Problem.ofObjective((p, batch) -> Ops.mul(Ops.sum(Ops.mul(Tensor.of(A, 2), Ops.square(p.get(0)))), 0.5))
            .withWeightCost(WeightCost.none());

    @Test
    void nesterovStepTakesTheGradientAtTheLookAheadPoint() {
        double rate = 0.1, mu = 0.9;
        MomentumSgd sgd = new MomentumSgd(QUADRATIC, Batch.none(), SgdOptions.defaults().withLearningRate(rate).withMomentum(MomentumSchedule.constant(mu)).withBatchSize(1));
        double[] x = {1, -1}, v = {0.5, 0.25};
        SgdState state = new SgdState(Params.of(Tensor.of(x, 2)), Params.of(Tensor.of(v, 2)), 7);
        Step<SgdState, MinibatchIteration> step = sgd.step(state);
        double[] expectedV = new double[2], expectedX = new double[2];
        for (int i = 0; i < 2; i++) {
            double look = x[i] + mu * v[i];
            expectedV[i] = mu * v[i] - rate * A[i] * look;
            expectedX[i] = x[i] + expectedV[i];
        }
        assertArrayClose(expectedV, step.state().velocity().get(0).toDoubleArray(), 1e-14);
        assertArrayClose(expectedX, step.state().parameters().get(0).toDoubleArray(), 1e-14);
        assertEquals(8, step.state().iteration());
    }

    @Test
    void classicalMomentumTakesTheGradientAtTheCurrentPoint() {
        MomentumSgd sgd = new MomentumSgd(QUADRATIC, Batch.none(),
                SgdOptions.defaults().withLearningRate(0.1).withMomentum(MomentumSchedule.constant(0.5)).withNesterov(false).withBatchSize(1));
        SgdState state = new SgdState(Params.of(Tensor.of(new double[]{2, 1}, 2)), Params.of(Tensor.of(new double[]{1, 1}, 2)), 0);
        assertArrayClose(new double[]{0.5 - 0.2, 0.5 - 0.4}, sgd.step(state).state().velocity().get(0).toDoubleArray(), 1e-14);
    }

    @Test
    void nesterovMomentumMeetsNesterovsBoundOnAStronglyConvexQuadratic() {
        // Sutskever et al.'s form with constant μ is Nesterov's constant-step scheme (y_t = θ_t + μv_t);
        // with ε = 1/L and μ = (√κ − 1)/(√κ + 1) it guarantees (Nesterov 2004, Thm 2.2.3)
        // f(θ_t) − f* <= (1 − 1/√κ)^t · (f(θ_0) − f* + (m/2)|θ_0 − θ*|²).
        Quadratic q = Quadratic.illConditioned(5, 100);
        double kappa = q.largestCurvature() / q.smallestCurvature(), root = Math.sqrt(kappa);
        SgdOptions options = SgdOptions.defaults().withLearningRate(1 / q.largestCurvature())
                .withMomentum(MomentumSchedule.constant((root - 1) / (root + 1))).withBatchSize(1);
        MomentumSgd sgd = new MomentumSgd(q.problem(), Batch.none(), options);
        SgdState state = sgd.start(q.point(0, 0, 0, 0, 0));
        double start = q.value(state.parameters()) + 0.5 * q.smallestCurvature() * Math.pow(q.distanceToMinimum(state.parameters()), 2);
        for (int t = 1; t <= 200; t++) {
            state = sgd.step(state).state();
            double bound = Math.pow(1 - 1 / root, t) * start;
            assertTrue(q.value(state.parameters()) <= bound, "step " + t + ": f − f* = " + q.value(state.parameters()) + " above " + bound);
        }
    }

    @Test
    void theSutskeverScheduleReachesTheMinimumAndReportsTheMomentumOfEachStep() {
        Quadratic q = Quadratic.illConditioned(5, 100);
        SgdOptions options = SgdOptions.sutskever().withLearningRate(0.5 / q.largestCurvature()).withBatchSize(1);
        MomentumSgd sgd = new MomentumSgd(q.problem(), Batch.none(), options);
        SgdState state = sgd.start(q.point(0, 0, 0, 0, 0));
        double before = q.value(state.parameters());
        for (int t = 0; t < 2000; t++) {
            Step<SgdState, MinibatchIteration> step = sgd.step(state);
            assertEquals(options.momentum().at(t), step.report().momentum());
            state = step.state();
        }
        // Gradient descent with momentum converges linearly here; 2000 steps leave only rounding.
        assertTrue(q.value(state.parameters()) < 1e-20 * before, "f − f* = " + q.value(state.parameters()));
    }

    @Test
    void everyEpochVisitsEveryCaseOnceInANewOrder() {
        int cases = 10;
        double[] ids = new double[cases];
        for (int n = 0; n < cases; n++) ids[n] = n;
        Tensor x = Tensor.of(ids, cases, 1);
        Set<Double> epochOne = new HashSet<>(), epochTwo = new HashSet<>();
        StringBuilder orderOne = new StringBuilder(), orderTwo = new StringBuilder();
        // The objective records which cases it sees; its gradient is irrelevant here.
        boolean[] second = {false};
        Problem recorder = Problem.ofObjective((p, batch) -> {
            for (double id : batch.inputs().toDoubleArray()) {
                (second[0] ? epochTwo : epochOne).add(id);
                (second[0] ? orderTwo : orderOne).append((int) id).append(' ');
            }
            return Ops.sum(Ops.square(p.get(0)));
        });
        MomentumSgd sgd = new MomentumSgd(recorder, Batch.of(x, x), SgdOptions.defaults().withBatchSize(4));
        assertEquals(3, sgd.stepsPerEpoch());
        SgdState state = sgd.start(Params.of(Tensor.of(new double[]{1}, 1)));
        for (int i = 0; i < 6; i++) {
            second[0] = i >= 3;
            Step<SgdState, MinibatchIteration> step = sgd.step(state);
            assertEquals(i / 3, step.report().epoch());
            state = step.state();
        }
        assertEquals(cases, epochOne.size());
        assertEquals(cases, epochTwo.size());
        assertFalse(orderOne.toString().equals(orderTwo.toString()), "epochs should be shuffled differently");
    }

    @Test
    void nonFiniteGradientKeepsThetaAndResetsVelocity() {
        Problem sqrt = Problem.ofObjective((p, batch) -> Ops.sum(Ops.sqrt(p.get(0))));
        MomentumSgd sgd = new MomentumSgd(sqrt, Batch.none(), SgdOptions.defaults().withNesterov(false).withBatchSize(1));
        SgdState state = new SgdState(Params.of(Tensor.of(new double[]{0, 1}, 2)), Params.of(Tensor.of(new double[]{1, 1}, 2)), 0);
        Step<SgdState, MinibatchIteration> step = sgd.step(state);
        assertFalse(step.report().accepted());
        assertArrayClose(new double[]{0, 1}, step.state().parameters().get(0).toDoubleArray(), 0);
        assertEquals(0, step.state().velocity().norm());
        assertTrue(step.state().parameters().isFinite());
    }
}
