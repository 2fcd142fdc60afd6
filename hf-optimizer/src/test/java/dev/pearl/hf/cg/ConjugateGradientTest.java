package dev.pearl.hf.cg;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConjugateGradientTest {
    private static final double EPSILON = 5e-4;

    @Property(tries = 15)
    void solvesRandomSpdSystemsToTolerance(@ForAll @IntRange(min = 2, max = 40) int n, @ForAll @IntRange(min = 0, max = 10_000) int seed,
                                           @ForAll boolean preconditioned) {
        LinearSystem system = LinearSystem.randomSpd(n, 0.5, seed);
        CgOptions options = CgOptions.martens().withProgressTolerance(0).withMaxIterations(20 * n);
        UnaryOperator<Params> inverse = preconditioned ? randomDiagonalInverse(n, seed) : UnaryOperator.identity();
        CgResult result = new ConjugateGradient(options).minimize(system.operator(), system.rhs(), system.zero(), inverse, p -> {
        });
        assertEquals(CgStop.CONVERGED, result.stop());
        assertTrue(system.relativeResidual(result.last().solution()) < 1e-8, "residual " + system.relativeResidual(result.last().solution()));
    }

    /** Three dominant components, then 197 that barely matter: progress stalls long before convergence. */
    @Test
    void relativeProgressRuleStopsAStalledSolve() {
        int n = 200;
        double[] eigenvalues = new double[n], b = new double[n];
        for (int j = 0; j < 3; j++) {
            eigenvalues[j] = j + 1;
            b[j] = 1;
        }
        for (int j = 3; j < n; j++) {
            eigenvalues[j] = Math.pow(10, -3 + 6.0 * (j - 3) / (n - 4));
            b[j] = 1e-4;
        }
        LinearSystem system = LinearSystem.diagonal(eigenvalues, b);
        LinearSystem.Run run = system.solve(CgOptions.martens());
        int stopped = run.result().iterations();
        assertEquals(CgStop.RELATIVE_PROGRESS, run.result().stop());
        assertTrue(run.ruleHolds(stopped, EPSILON), "the rule does not hold where CG stopped (" + stopped + ")");
        for (int i = 1; i < stopped; i++) assertFalse(run.ruleHolds(i, EPSILON), "the rule already held at iteration " + i);
        assertTrue(system.relativeResidual(run.result().last().solution()) > 1e-3, "the stalled solve should stop far from the exact solution");

        LinearSystem.Run unstopped = system.solve(CgOptions.martens().withProgressTolerance(0));
        assertTrue(unstopped.result().iterations() > 5 * stopped, "without the rule the solve should go on much longer");
    }

    /**
     * 14 distinct eigenvalues over six decades, each twice, equal weight: CG makes large progress
     * until it (nearly) terminates, so the rule must never fire.
     */
    @Test
    void relativeProgressRuleLetsASteadySolveConverge() {
        int distinct = 14;
        double[] eigenvalues = new double[2 * distinct], b = new double[2 * distinct];
        for (int j = 0; j < eigenvalues.length; j++) {
            eigenvalues[j] = Math.pow(10, 6.0 * (j / 2) / (distinct - 1));
            b[j] = Math.sqrt(eigenvalues[j]);
        }
        LinearSystem system = LinearSystem.diagonal(eigenvalues, b);
        LinearSystem.Run run = system.solve(CgOptions.martens());
        assertEquals(CgStop.CONVERGED, run.result().stop());
        assertTrue(run.result().iterations() > 20, "the rule is only tested when CG runs past its window, took " + run.result().iterations());
        for (int i = 1; i <= run.result().iterations(); i++) assertFalse(run.ruleHolds(i, EPSILON), "the rule held at iteration " + i);
        assertTrue(system.relativeResidual(run.result().last().solution()) < 1e-9);
    }

    @Test
    void negativeCurvatureInTheFirstDirectionLeavesTheStart() {
        LinearSystem system = LinearSystem.diagonal(new double[]{1, -3}, new double[]{1, 1});
        LinearSystem.Run run = system.solve(CgOptions.martens());
        assertEquals(CgStop.NEGATIVE_CURVATURE, run.result().stop());
        assertEquals(0, run.result().iterations());
        assertEquals(0, run.result().last().solution().norm());
    }

    @Test
    void negativeCurvatureLaterKeepsTheIteratesBeforeIt() {
        LinearSystem system = LinearSystem.diagonal(new double[]{10, 5, 2, 1, -0.5}, new double[]{1, 1, 1, 1, 0.3});
        LinearSystem.Run run = system.solve(CgOptions.martens());
        assertEquals(CgStop.NEGATIVE_CURVATURE, run.result().stop());
        int steps = run.result().iterations();
        assertTrue(steps >= 1, "the first direction has positive curvature, so at least one step is taken");
        List<Double> phis = run.phis();
        for (int i = 1; i <= steps; i++) assertTrue(phis.get(i) < phis.get(i - 1), "φ must decrease at every accepted step");
        assertEquals(phis.get(steps), system.phi(run.result().last().solution()), 1e-12);
    }

    @Test
    void snapshotsAreKeptAtCeilingOfFiveTimesPowersOfOnePointThree() {
        int n = 300, limit = 120;
        double[] eigenvalues = new double[n], b = new double[n];
        for (int j = 0; j < n; j++) {
            eigenvalues[j] = 1 + (double) j * j;
            b[j] = 1;
        }
        LinearSystem.Run run = LinearSystem.diagonal(eigenvalues, b).solve(CgOptions.martens().withProgressTolerance(0).withMaxIterations(limit));
        assertEquals(CgStop.MAX_ITERATIONS, run.result().stop());
        List<Integer> expected = new ArrayList<>();
        BigDecimal value = BigDecimal.valueOf(5);
        while (value.compareTo(BigDecimal.valueOf(limit)) <= 0) {
            expected.add(value.setScale(0, RoundingMode.CEILING).intValueExact());
            value = value.multiply(new BigDecimal("1.3"), MathContext.DECIMAL128);
        }
        expected.add(limit);
        List<Integer> kept = run.result().snapshots().stream().map(CgIterate::iteration).toList();
        assertEquals(expected, kept);
        assertEquals(List.of(5, 7, 9, 11, 15, 19, 25, 32, 41, 54, 69, 90, 117, 120), kept);
    }

    @Test
    void aWarmStartWorseThanZeroIsReplacedByZero() {
        LinearSystem system = LinearSystem.randomSpd(8, 1, 7);
        Params bad = system.rhs().scale(-10);
        assertTrue(system.phi(bad) > 0);
        ConjugateGradient cg = new ConjugateGradient(CgOptions.martens());
        CgResult fromBad = cg.minimize(system.operator(), system.rhs(), bad, UnaryOperator.identity(), p -> {
        });
        CgResult fromZero = cg.minimize(system.operator(), system.rhs(), system.zero(), UnaryOperator.identity(), p -> {
        });
        assertEquals(fromZero.iterations(), fromBad.iterations());
        assertTrue(fromBad.last().solution().sub(fromZero.last().solution()).norm() < 1e-12);
    }

    @Test
    void aGoodWarmStartNeedsFewerSteps() {
        LinearSystem system = LinearSystem.randomSpd(30, 0.1, 11);
        ConjugateGradient cg = new ConjugateGradient(CgOptions.martens().withProgressTolerance(0).withResidualTolerance(1e-8));
        CgResult cold = cg.minimize(system.operator(), system.rhs(), system.zero(), UnaryOperator.identity(), p -> {
        });
        CgResult warm = cg.minimize(system.operator(), system.rhs(), cold.last().solution().scale(0.95), UnaryOperator.identity(), p -> {
        });
        assertTrue(warm.iterations() < cold.iterations(), "warm " + warm.iterations() + " vs cold " + cold.iterations());
    }

    @Test
    void aNonFiniteProductStopsWithTheLastFiniteIterate() {
        LinearSystem system = LinearSystem.randomSpd(10, 1, 3);
        UnaryOperator<Params> exact = system.operator();
        int[] calls = {0};
        UnaryOperator<Params> breaksOnFourth = v -> ++calls[0] < 4 ? exact.apply(v) : v.map(t -> Ops.mul(t, Double.NaN));
        CgResult result = new ConjugateGradient(CgOptions.martens()).minimize(breaksOnFourth, system.rhs(), system.zero(), UnaryOperator.identity(), p -> {
        });
        assertEquals(CgStop.NON_FINITE, result.stop());
        assertEquals(3, result.iterations());
        assertTrue(result.last().solution().isFinite());
    }

    @Test
    void rejectsMismatchedStart() {
        LinearSystem system = LinearSystem.randomSpd(3, 1, 1);
        Params wrong = Params.of(Tensor.of(new double[]{0, 0}, 2));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ConjugateGradient(CgOptions.martens()).minimize(system.operator(), system.rhs(), wrong, UnaryOperator.identity(), p -> {
                }));
        assertTrue(e.getMessage().contains("conjugate gradient"), e.getMessage());
    }

    private static UnaryOperator<Params> randomDiagonalInverse(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        double[] m = new double[n];
        for (int i = 0; i < n; i++) m[i] = random.nextDouble(0.1, 10);
        Params diagonal = LinearSystem.vector(m);
        return v -> v.zip(diagonal, Ops::div);
    }
}
