package dev.pearl.hf.lbfgs;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.Quadratic;
import dev.pearl.hf.Rosenbrock;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.hf.train.Step;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LbfgsTest {
    /** Relative rounding of the test's own float64 arithmetic in φ and φ'. */
    private static final double ROUNDING = 1e-12;

    @Test
    void rosenbrockConvergesAndEveryStepMeetsTheConditionsItsSearchClaims() {
        Lbfgs lbfgs = new Lbfgs(Rosenbrock.objective(), Batch.none(), LbfgsOptions.defaults());
        LbfgsState state = lbfgs.start(Rosenbrock.start());
        WolfeLineSearch wolfe = lbfgs.options().lineSearch();
        int strongWolfe = 0;
        for (int t = 0; t < 100 && Rosenbrock.value(state.parameters()) > 1e-20; t++) {
            Step<LbfgsState, LbfgsIteration> step = lbfgs.step(state);
            LbfgsIteration r = step.report();
            if (r.accepted()) {
                // Rebuild φ along the step from the hand-written f and ∇f: p = (θ_{k+1} − θ_k)/α.
                double[] before = state.parameters().get(0).toDoubleArray(), after = step.state().parameters().get(0).toDoubleArray();
                double[] p = {(after[0] - before[0]) / r.stepSize(), (after[1] - before[1]) / r.stepSize()};
                double f0 = Rosenbrock.value(state.parameters()), f1 = Rosenbrock.value(step.state().parameters());
                double g0 = dot(Rosenbrock.gradient(state.parameters()), p), g1 = dot(Rosenbrock.gradient(step.state().parameters()), p);
                double slack = ROUNDING * (Math.abs(f0) + Math.abs(g0) * r.stepSize());
                assertTrue(g0 < 0, "step " + r.iteration() + " is a descent direction");
                assertTrue(f1 <= f0 + wolfe.sufficientDecrease() * r.stepSize() * g0 + slack, "sufficient decrease at step " + r.iteration());
                if (r.lineSearch() == WolfeLineSearch.Outcome.STRONG_WOLFE) {
                    strongWolfe++;
                    assertTrue(Math.abs(g1) <= wolfe.curvature() * Math.abs(g0) * (1 + ROUNDING) + slack, "curvature at step " + r.iteration());
                }
            }
            state = step.state();
        }
        double[] xy = state.parameters().get(0).toDoubleArray();
        assertArrayEquals(new double[]{1, 1}, xy, 1e-8, "Rosenbrock's minimum");
        assertTrue(strongWolfe > 0);
    }

    @Test
    void anIllConditionedQuadraticIsSolvedToItsRoundingLimit() {
        // κ = 1e4 in 20 dimensions, more than the 10 pairs kept. In float64 the minimum is found to
        // about κ·ε relative; ask for a hundred times that. Steepest descent with exact line
        // searches shrinks the error by (κ − 1)/(κ + 1) per step and would need about 1e5 steps;
        // L-BFGS is allowed a hundredth of that.
        Quadratic q = Quadratic.illConditioned(20, 1e4);
        Lbfgs lbfgs = new Lbfgs(q.problem(), Batch.none(), LbfgsOptions.defaults());
        LbfgsState state = lbfgs.start(q.point(new double[20]));
        double start = q.distanceToMinimum(state.parameters()), tolerance = 100 * 1e4 * Math.ulp(1.0) * start;
        double previous = q.value(state.parameters());
        int steps = 0;
        while (q.distanceToMinimum(state.parameters()) > tolerance && steps < 1000) {
            state = lbfgs.step(state).state();
            steps++;
            assertTrue(q.value(state.parameters()) <= previous, "f never rises");
            previous = q.value(state.parameters());
        }
        assertTrue(q.distanceToMinimum(state.parameters()) <= tolerance, "|x − x*| = " + q.distanceToMinimum(state.parameters()) + " after " + steps);
        assertEquals(10, state.history().size(), "history m = 10");
    }

    @Test
    void batchesStayFixedForTheirStepsAndEachGradientIsCounted() {
        // 12 cases that record which ones each evaluation sees; batches of 4 for 3 steps each.
        int cases = 12;
        double[] ids = new double[cases];
        for (int n = 0; n < cases; n++) ids[n] = n;
        Tensor x = Tensor.of(ids, cases, 1);
        List<Set<Double>> seen = new ArrayList<>();
        Problem recorder = Problem.ofObjective((p, batch) -> {
            Set<Double> s = new HashSet<>();
            for (double id : batch.inputs().toDoubleArray()) s.add(id);
            seen.add(s);
            // ½(θ − mean of the batch's ids)², so the gradient depends on the batch.
            return Ops.mul(Ops.square(Ops.sub(Ops.sum(p.get(0)), Ops.mean(batch.inputs()))), 0.5);
        }).withWeightCost(WeightCost.none());
        Lbfgs lbfgs = new Lbfgs(recorder, Batch.of(x, x), LbfgsOptions.defaults().withBatchSize(4).withStepsPerBatch(3).withSeed(5));
        LbfgsState state = lbfgs.start(Params.of(Tensor.of(new double[]{0}, 1)));
        long evaluations = 0;
        for (int t = 0; t < 9; t++) {
            int before = seen.size();
            Step<LbfgsState, LbfgsIteration> step = lbfgs.step(state);
            assertEquals(t / 3, step.report().batch(), "step " + t + "'s batch");
            assertEquals(seen.size() - before, step.report().evaluations());
            if (t % 3 == 0) assertTrue(step.report().evaluations() >= 1, "a new batch needs its gradient");
            for (int i = before; i < seen.size(); i++) {
                assertEquals(seen.get(before), seen.get(i), "one batch within a step");
                assertEquals(4, seen.get(i).size());
            }
            evaluations += step.report().evaluations();
            assertEquals(4 * evaluations, step.report().casesEvaluated());
            state = step.state();
        }
        // Three batches of 4 make one pass over the 12 cases: each case in exactly one of them.
        List<Set<Double>> batches = seen.stream().distinct().toList();
        assertEquals(3, batches.size());
        Set<Double> union = new HashSet<>();
        batches.forEach(union::addAll);
        assertEquals(cases, union.size());
    }

    @Test
    void aNonFiniteGradientKeepsThetaAndEmptiesTheHistory() {
        Problem sqrt = Problem.ofObjective((p, batch) -> Ops.sum(Ops.sqrt(p.get(0)))).withWeightCost(WeightCost.none());
        Lbfgs lbfgs = new Lbfgs(sqrt, Batch.none(), LbfgsOptions.defaults());
        Step<LbfgsState, LbfgsIteration> step = lbfgs.step(lbfgs.start(Params.of(Tensor.of(new double[]{0, 1}, 2))));
        assertFalse(step.report().accepted());
        assertArrayEquals(new double[]{0, 1}, step.state().parameters().get(0).toDoubleArray());
        assertTrue(step.state().history().isEmpty());
        assertEquals(1, step.state().iteration());
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1];
    }
}
