package dev.pearl.hf;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static dev.pearl.hf.NumericAssertions.assertArrayClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemTest {
    private final Params theta = Params.builder()
            .add("W", Tensor.of(new double[]{1, -2, 3, 0.5}, 2, 2))
            .add("b", Tensor.of(new double[]{4, -1}, 2))
            .build();

    @Test
    void weightCostPenalisesMatricesOnly() {
        WeightCost cost = WeightCost.of(0.1);
        assertEquals(0.05 * (1 + 4 + 9 + 0.25), cost.value(theta), 1e-12);
        assertArrayClose(new double[]{0.1, -0.2, 0.3, 0.05}, cost.gradient(theta).get("W").toDoubleArray(), 1e-12);
        assertArrayClose(new double[]{0, 0}, cost.gradient(theta).get("b").toDoubleArray(), 0);
        assertEquals(0, WeightCost.none().value(theta));
        assertEquals(1e-5, WeightCost.martens().coefficient());
        assertThrows(IllegalArgumentException.class, () -> WeightCost.of(-1));
    }

    @Test
    void weightCostCanSelectTensorsByName() {
        WeightCost onB = WeightCost.of(2, (name, t) -> name.equals("b"));
        assertEquals(17, onB.value(theta), 1e-12);
    }

    @Test
    void gradientIncludesTheWeightCost() {
        Problem problem = Problem.ofObjective((p, batch) -> Ops.add(Ops.sum(Ops.mul(p.get("W"), p.get("W"))), Ops.sum(p.get("b")))).withWeightCost(WeightCost.of(0.5));
        Gradient g = problem.gradient(theta, Batch.none());
        Params expected = AD.grad(p -> Ops.add(problem.dataLoss(p, Batch.none()), Ops.mul(Ops.sum(Ops.square(p.get("W"))), 0.25)), theta);
        assertTrue(TinyModel.relative(g.gradient(), expected) < 1e-14);
        assertEquals(problem.loss(theta, Batch.none()) + 0.25 * 14.25, g.objective(), 1e-12);
        assertEquals(g.objective(), problem.objective(theta, Batch.none()), 1e-12);
    }

    @Test
    void modelPartsOfAnObjectiveAreExplained() {
        Problem objective = Problem.ofObjective((p, batch) -> Ops.sum(p.get(0)));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, objective::loss);
        assertTrue(e.getMessage().contains("outputs + loss"), e.getMessage());
    }

    @Test
    void aLargeBatchTakenInPassesHasTheGradientOfOnePass() {
        Problem problem = TinyModel.problem().withWeightCost(WeightCost.of(1e-3));
        Params at = TinyModel.theta(3);
        Batch data = TinyModel.data(23, 4);
        Gradient onePass = problem.withCasesPerPass(23).gradient(at, data);
        for (int cases : new int[]{1, 5, 7, 22}) {
            Gradient passes = problem.withCasesPerPass(cases).gradient(at, data);
            // Only the order of summation differs: float64 rounding of a few dozen terms.
            assertTrue(TinyModel.relative(passes.gradient(), onePass.gradient()) < 1e-13, cases + " cases per pass");
            assertEquals(onePass.loss(), passes.loss(), 1e-13 * Math.abs(onePass.loss()));
            assertEquals(onePass.objective(), passes.objective(), 1e-13 * Math.abs(onePass.objective()));
            // The line search's values come from the same passes, bit for bit.
            assertEquals(passes.loss(), problem.withCasesPerPass(cases).loss(at, data), 0);
        }
        // Outputs that are not [cases, ...] cannot be weighted by cases: refused, not mis-summed.
        Problem flat = Problem.ofModel((p, x) -> Ops.sum(TinyModel.NET.outputs(p, x), 1), Losses.squaredError()).withCasesPerPass(5);
        Batch flatData = Batch.of(data.inputs(), Ops.sum(data.targets(), 1));
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> flat.gradient(at, flatData));
        assertTrue(rank.getMessage().contains("gave outputs [4]") && rank.getMessage().contains("withCasesPerPass"), rank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> flat.loss(at, flatData));
        assertEquals(Problem.DEFAULT_CASES_PER_PASS, problem.casesPerPass());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> problem.withCasesPerPass(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
