package dev.pearl.hf.precondition;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.TinyModel;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.problem.WeightCost;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pearl.hf.NumericAssertions.assertArrayClose;
import static dev.pearl.hf.TinyModel.relative;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientSquaresTest {
    private final Problem problem = TinyModel.problem();
    private final Params theta = TinyModel.theta(12);

    private Params exact(Batch batch) {
        return TinyModel.meanSquares(TinyModel.perCaseGradients(problem, theta, batch));
    }

    @Test
    void signedSumsAreExactWithAPowerOfTwoDrawsCoveringTheCases() {
        Batch batch = TinyModel.data(5, 21);
        Params estimate = GradientSquares.signedSums(8).meanSquares(problem, theta, batch, 99);
        assertTrue(relative(estimate, exact(batch)) < 1e-12, "relative difference " + relative(estimate, exact(batch)));
    }

    @Test
    void signedSumsAreUnbiasedWithFewDraws() {
        Batch batch = TinyModel.data(12, 22);
        GradientSquares twoDraws = GradientSquares.signedSums(2);
        int repeats = 300;
        Params mean = theta.zerosLike();
        for (int seed = 0; seed < repeats; seed++) mean = mean.axpy(1.0 / repeats, twoDraws.meanSquares(problem, theta, batch, seed));
        assertTrue(relative(mean, exact(batch)) < 0.15, "relative difference of the mean estimate " + relative(mean, exact(batch)));
    }

    @Test
    void sampledCasesAreExactWhenTheyCoverTheBatch() {
        Batch batch = TinyModel.data(5, 23);
        assertTrue(relative(GradientSquares.sampledCases(5).meanSquares(problem, theta, batch, 0), exact(batch)) < 1e-14);
    }

    @Test
    void sampledCasesTakeEvenlySpacedCases() {
        Batch batch = TinyModel.data(6, 24);
        Params everyThird = TinyModel.meanSquares(List.of(
                TinyModel.perCaseGradients(problem, theta, batch.slice(0, 1)).get(0),
                TinyModel.perCaseGradients(problem, theta, batch.slice(3, 4)).get(0)));
        assertTrue(relative(GradientSquares.sampledCases(2).meanSquares(problem, theta, batch, 0), everyThird) < 1e-14);
    }

    @Test
    void signedSumsNeedAModel() {
        Problem objective = Problem.ofObjective((p, b) -> Ops.sum(Ops.square(p.get(0))));
        Params x = Params.of(Tensor.of(new double[]{1, 2}, 2));
        assertThrows(UnsupportedOperationException.class, () -> GradientSquares.signedSums(4).meanSquares(objective, x, Batch.none(), 0));
        // The automatic choice falls back to per-case gradients: here the one "case" is the whole objective.
        assertArrayClose(new double[]{4, 16}, GradientSquares.automatic().meanSquares(objective, x, Batch.none(), 0).get(0).toDoubleArray(), 1e-12);
    }

    @Test
    void martensDiagonalIsDampedSquaresToTheThreeQuarters() {
        Params squares = Params.builder().add("W", Tensor.of(new double[]{0, 1, 4, 9}, 2, 2)).add("b", Tensor.of(new double[]{2, 0.5}, 2)).build();
        Params weightCost = WeightCost.of(0.25).diagonal(squares);
        Params m = Preconditioner.martens().diagonal(squares, 0.75, weightCost);
        assertArrayClose(new double[]{1, Math.pow(2, 0.75), Math.pow(5, 0.75), Math.pow(10, 0.75)}, m.get("W").toDoubleArray(), 1e-12);
        assertArrayClose(new double[]{Math.pow(2.75, 0.75), Math.pow(1.25, 0.75)}, m.get("b").toDoubleArray(), 1e-12);
    }

    @Test
    void preconditionerDividesByTheDiagonalAndFallsBackToIdentityWhenNotFinite() {
        Params v = Params.of(Tensor.of(new double[]{2, 3}, 2));
        GradientSquares constant = (p, t, b, seed) -> Params.of(Tensor.of(new double[]{15, 0}, 2));
        Problem objective = Problem.ofObjective((p, b) -> Ops.sum(p.get(0)));
        Params applied = Preconditioner.martens().withSquares(constant).inverse(objective, v, Batch.none(), 1, 0).apply(v);
        assertArrayClose(new double[]{2 / 8.0, 3.0}, applied.get(0).toDoubleArray(), 1e-12);

        GradientSquares broken = (p, t, b, seed) -> Params.of(Tensor.of(new double[]{Double.NaN, 1}, 2));
        assertArrayClose(new double[]{2, 3}, Preconditioner.martens().withSquares(broken).inverse(objective, v, Batch.none(), 1, 0).apply(v).get(0).toDoubleArray(), 0);
    }
}
