package dev.pearl.hf.curvature;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.ad.AD;
import dev.pearl.hf.TinyModel;
import dev.pearl.hf.cg.CgIterate;
import dev.pearl.hf.cg.CgOptions;
import dev.pearl.hf.cg.CgResult;
import dev.pearl.hf.cg.ConjugateGradient;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.nn.Losses;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static dev.pearl.hf.NumericAssertions.assertArrayClose;
import static dev.pearl.hf.TinyModel.direction;
import static dev.pearl.hf.TinyModel.relative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurvatureTest {

    @Test
    void hessianOfAQuadraticIsItsMatrix() {
        double[][] q = {{4, 1, 0}, {1, 3, -1}, {0, -1, 2}};
        Tensor qt = Tensor.of(q);
        Problem quadratic = Problem.ofObjective((p, batch) -> {
            Tensor x = Ops.reshape(p.get(0), 3, 1);
            return Ops.add(Ops.mul(Ops.sum(Ops.mul(x, Ops.matmul(qt, x))), 0.5), Ops.sum(Ops.mul(x, 2)));
        });
        Params theta = Params.of(Tensor.of(new double[]{0.3, -1, 2}, 3));
        double[] v = {1, -2, 0.5};
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) expected[i] += q[i][j] * v[j];
        CurvatureProduct h = Curvature.hessian().at(quadratic, theta, Batch.none());
        assertArrayClose(expected, h.apply(Params.of(Tensor.of(v, 3))).get(0).toDoubleArray(), 1e-12);
    }

    @Test
    void hessianMatchesDifferencesOfTheGradient() {
        Problem problem = TinyModel.problem();
        Batch batch = TinyModel.data(6, 2);
        Params theta = TinyModel.theta(4), v = direction(theta, 9);
        Params hv = Curvature.hessian().at(problem, theta, batch).apply(v);
        double h = 1e-5;
        Params plus = AD.grad(p -> problem.dataLoss(p, batch), theta.axpy(h, v));
        Params minus = AD.grad(p -> problem.dataLoss(p, batch), theta.axpy(-h, v));
        Params differences = plus.sub(minus).scale(1 / (2 * h));
        assertTrue(relative(hv, differences) < 1e-6, "relative difference " + relative(hv, differences));
    }

    /**
     * Martens' cost model: the curvature is linearized once per CG solve, and every product after
     * that runs only linear passes; the model's primal function is never evaluated again.
     */
    @Test
    void curvatureProductsNeverRerunTheModel() {
        int[] primalPasses = {0};
        Problem counted = Problem.ofModel((p, inputs) -> {
            primalPasses[0]++;
            return TinyModel.NET.outputs(p, inputs);
        }, Losses.logisticCrossEntropy()).withWeightCost(WeightCost.none());
        Params theta = TinyModel.theta(3);
        Batch batch = TinyModel.data(8, 4);
        for (Curvature kind : List.of(Curvature.gaussNewton(), Curvature.hessian(), Curvature.automatic())) {
            primalPasses[0] = 0;
            CurvatureProduct product = kind.at(counted, theta, batch);
            int atStart = primalPasses[0];
            assertTrue(atStart <= 1, kind.name() + ": linearizing took " + atStart + " primal passes");
            Params first = product.apply(direction(theta, 5));
            for (int i = 0; i < 20; i++) product.apply(direction(theta, 6 + i));
            assertEquals(atStart, primalPasses[0], kind.name() + ": products re-ran the model");
            assertTrue(relative(product.apply(direction(theta, 5)), first) < 1e-14, kind.name() + ": a product depends only on its vector");
        }
    }

    /** Rosenbrock's residuals r = (10(y − x²), 1 − x) have J = [[−20x, 10], [−1, 0]]; with ½|r|², G = JᵀJ. */
    @Test
    void gaussNewtonOfRosenbrockResidualsIsJacobianTransposeJacobian() {
        Problem residuals = Problem.ofModel((p, inputs) -> {
            Tensor x = Ops.slice(p.get(0), 0, 0, 1), y = Ops.slice(p.get(0), 0, 1, 2);
            return Ops.reshape(Ops.concat(0, Ops.mul(Ops.sub(y, Ops.square(x)), 10), Ops.sub(1, x)), 1, 2);
        }, Losses.squaredError());
        Batch oneCase = Batch.of(Tensor.zeros(DType.FLOAT64, 1, 1), Tensor.zeros(DType.FLOAT64, 1, 2));
        double x = -1.2, y = 1;
        double[][] j = {{-20 * x, 10}, {-1, 0}};
        double[] v = {0.7, -0.4};
        double[] jv = {j[0][0] * v[0] + j[0][1] * v[1], j[1][0] * v[0] + j[1][1] * v[1]};
        double[] expected = {j[0][0] * jv[0] + j[1][0] * jv[1], j[0][1] * jv[0] + j[1][1] * jv[1]};
        Params gv = Curvature.gaussNewton().at(residuals, Params.of(Tensor.of(new double[]{x, y}, 2)), oneCase).apply(Params.of(Tensor.of(v, 2)));
        assertArrayClose(expected, gv.get(0).toDoubleArray(), 1e-10);
    }

    @Test
    void empiricalFisherIsTheMeanOuterProductOfPerCaseGradients() {
        Problem problem = TinyModel.problem();
        Batch batch = TinyModel.data(5, 3);
        Params theta = TinyModel.theta(5), v = direction(theta, 8);
        List<Params> gradients = TinyModel.perCaseGradients(problem, theta, batch);
        Params expected = theta.zerosLike();
        for (Params g : gradients) expected = expected.axpy(g.dot(v) / gradients.size(), g);
        Params fv = Curvature.empiricalFisher().at(problem, theta, batch).apply(v);
        assertTrue(relative(fv, expected) < 1e-10, "relative difference " + relative(fv, expected));
    }

    @Test
    void automaticChoosesGaussNewtonForModelsAndHessianForObjectives() {
        Problem model = TinyModel.problem();
        Batch batch = TinyModel.data(4, 6);
        Params theta = TinyModel.theta(2), v = direction(theta, 3);
        Params automatic = Curvature.automatic().at(model, theta, batch).apply(v);
        assertTrue(relative(automatic, Curvature.gaussNewton().at(model, theta, batch).apply(v)) < 1e-14);
        Problem objective = Problem.ofObjective((p, b) -> model.dataLoss(p, b));
        Params automaticObjective = Curvature.automatic().at(objective, theta, batch).apply(v);
        assertTrue(relative(automaticObjective, Curvature.hessian().at(objective, theta, batch).apply(v)) < 1e-14);
    }

    @Test
    void modelOnlyCurvaturesExplainThemselvesOnObjectives() {
        Problem objective = Problem.ofObjective((p, b) -> Ops.sum(Ops.square(p.get(0))));
        Params theta = Params.of(Tensor.of(new double[]{1, 2}, 2));
        for (Curvature c : List.of(Curvature.gaussNewton(), Curvature.empiricalFisher())) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> c.at(objective, theta, Batch.none()));
            assertTrue(e.getMessage().contains("Problem.ofModel"), e.getMessage());
        }
    }

    @Test
    void dampingAddsWeightCostOnWeightsAndLambdaEverywhere() {
        Params theta = Params.builder().add("W", Tensor.of(new double[]{1, 2, 3, 4}, 2, 2)).add("b", Tensor.of(new double[]{5, 6}, 2)).build();
        Params v = Params.builder().add("W", Tensor.of(new double[]{1, -1, 2, 0.5}, 2, 2)).add("b", Tensor.of(new double[]{3, -2}, 2)).build();
        CurvatureProduct doubling = x -> x.scale(2);
        DampedCurvature a = new DampedCurvature(doubling, WeightCost.of(0.1), theta, 0.5);
        Params av = a.apply(v);
        assertArrayClose(new double[]{2.6, -2.6, 5.2, 1.3}, av.get("W").toDoubleArray(), 1e-12);
        assertArrayClose(new double[]{7.5, -5}, av.get("b").toDoubleArray(), 1e-12);
        Params g = v.scale(-1);
        double vAv = 2.6 * 1 + 2.6 * 1 + 5.2 * 2 + 1.3 * 0.5 + 7.5 * 3 + 5 * 2;
        assertEquals(0.5 * vAv - v.dot(v), a.predictedChange(v, g, true), 1e-10);
        assertEquals(0.5 * (vAv - 0.5 * v.dot(v)) - v.dot(v), a.predictedChange(v, g, false), 1e-10);
        assertEquals(3, a.products());
    }

    /** ρ's predicted change taken from CG's quadratic value agrees with the explicit product, at every kept iterate. */
    @Test
    void cgQuadraticValueIsThePredictedChangeOfItsIterates() {
        Problem problem = TinyModel.problem().withWeightCost(WeightCost.of(0.01));
        Params theta = TinyModel.theta(7);
        Batch batch = TinyModel.data(16, 8);
        DampedCurvature a = new DampedCurvature(Curvature.gaussNewton().at(problem, theta, batch), problem.weightCost(), theta, 0.3);
        Params g = problem.gradient(theta, batch).gradient();
        CgResult solve = new ConjugateGradient(CgOptions.martens().withMaxIterations(12))
                .minimize(a, g.scale(-1), direction(theta, 9).scale(0.01), UnaryOperator.identity(), progress -> { });
        assertTrue(solve.snapshots().size() >= 3, "several iterates to compare");
        for (CgIterate it : solve.snapshots()) {
            for (boolean damped : new boolean[]{true, false}) {
                double explicit = a.predictedChange(it.solution(), g, damped);
                double fromCg = a.predictedChange(it.quadraticValue(), it.solution(), damped);
                assertEquals(explicit, fromCg, 1e-9 * Math.abs(explicit), "iterate " + it.iteration() + (damped ? ", damped" : ", undamped"));
            }
        }
    }
}
