package dev.pearl.hf.lbfgs;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WolfeLineSearchTest {
    private static final WolfeLineSearch SEARCH = WolfeLineSearch.defaults();

    /** φ and φ' given in closed form; the search sees only what they return. */
    private record Line(DoubleUnaryOperator value, DoubleUnaryOperator slope) {
        WolfeLineSearch.Result<Void> search(double initialStep) {
            return SEARCH.search(a -> new WolfeLineSearch.Trial<>(a, value.applyAsDouble(a), slope.applyAsDouble(a), null),
                    value.applyAsDouble(0), slope.applyAsDouble(0), initialStep);
        }

        /** Checks the claimed conditions with the closed forms, not with the search's numbers. */
        void assertStrongWolfe(WolfeLineSearch.Result<Void> r) {
            assertEquals(WolfeLineSearch.Outcome.STRONG_WOLFE, r.outcome());
            double a = r.accepted().alpha(), f0 = value.applyAsDouble(0), g0 = slope.applyAsDouble(0);
            assertTrue(a > 0);
            assertTrue(value.applyAsDouble(a) <= f0 + SEARCH.sufficientDecrease() * a * g0, "sufficient decrease at α = " + a);
            assertTrue(Math.abs(slope.applyAsDouble(a)) <= SEARCH.curvature() * Math.abs(g0), "curvature at α = " + a);
            assertTrue(r.evaluations() <= SEARCH.maxEvaluations());
        }
    }

    /** φ(α) = ½c(α − b)² with its minimum at α = b > 0. */
    private static Line parabola(double c, double b) {
        return new Line(a -> 0.5 * c * (a - b) * (a - b), a -> c * (a - b));
    }

    @Property(tries = 300)
    void findsAStrongWolfePointOnAnyParabolaFromAnyFirstStep(@ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double curvature,
                                                             @ForAll @DoubleRange(min = 1e-4, max = 1e4) @Scale(6) double minimum,
                                                             @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double initialStep) {
        Line line = parabola(curvature, minimum);
        line.assertStrongWolfe(line.search(initialStep * minimum));
    }

    @Property(tries = 300)
    void findsAStrongWolfePointOnQuarticsWithSeveralTurns(@ForAll @DoubleRange(min = 0.01, max = 10) double quartic,
                                                          @ForAll @DoubleRange(min = -5, max = 5) double quadratic,
                                                          @ForAll @DoubleRange(min = -10, max = -0.01) double linear,
                                                          @ForAll @DoubleRange(min = 0.01, max = 100) double initialStep) {
        // φ(α) = qα⁴ + pα² + lα, bounded below, with φ'(0) = l < 0.
        Line line = new Line(a -> quartic * Math.pow(a, 4) + quadratic * a * a + linear * a,
                a -> 4 * quartic * Math.pow(a, 3) + 2 * quadratic * a + linear);
        line.assertStrongWolfe(line.search(initialStep));
    }

    @Test
    void rosenbrockAlongTheSteepestDescentDirection() {
        // From (−1.2, 1) along −∇f = (−215.6, −88): φ(α) = f(x − α∇f), a sharp valley the first step overshoots by far.
        double gx = -215.6, gy = -88;
        DoubleUnaryOperator f = a -> {
            double x = -1.2 - a * gx, y = 1 - a * gy;
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        };
        DoubleUnaryOperator slope = a -> {
            double x = -1.2 - a * gx, y = 1 - a * gy;
            double dx = -2 * (1 - x) - 400 * x * (y - x * x), dy = 200 * (y - x * x);
            return -(dx * gx + dy * gy);
        };
        Line line = new Line(f, slope);
        line.assertStrongWolfe(line.search(1));
    }

    @Test
    void valuesThatAreNotFiniteCountAsTooFar() {
        // φ(α) = −log(1 − α) − 2α + ... is defined below α = 1 only; NaN beyond it.
        Line line = new Line(a -> a < 1 ? -Math.log(1 - a) - 2 * a : Double.NaN, a -> a < 1 ? 1 / (1 - a) - 2 : Double.NaN);
        line.assertStrongWolfe(line.search(4));
    }

    @Test
    void withoutAnyDecreaseItFailsAfterItsEvaluationsAndStaysAtZero() {
        // The slope claims descent but φ only rises: no α has sufficient decrease.
        Line liar = new Line(a -> a, a -> -1);
        WolfeLineSearch.Result<Void> r = liar.search(1);
        assertEquals(WolfeLineSearch.Outcome.FAILED, r.outcome());
        assertNull(r.accepted());
        assertEquals(SEARCH.maxEvaluations(), r.evaluations());
    }

    @Test
    void whenTheEvaluationsRunOutASufficientDecreaseIsSaidToBeOnlyThat() {
        // φ falls steeply forever: doubling never brackets a flat point in 3 evaluations.
        WolfeLineSearch three = SEARCH.withMaxEvaluations(3);
        WolfeLineSearch.Result<Void> r = three.search(a -> new WolfeLineSearch.Trial<>(a, -a, -1, null), 0, -1, 1);
        assertEquals(WolfeLineSearch.Outcome.SUFFICIENT_DECREASE, r.outcome());
        assertEquals(4, r.accepted().alpha(), "1, 2, 4 tried");
        assertEquals(3, r.evaluations());
    }

    @Test
    void anAscentDirectionOrBadSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SEARCH.search(a -> null, 0, 0, 1));
        assertEquals("Wolfe c2 must lie in (c1 = 1.0E-4, 1), got 1.0E-5",
                assertThrows(IllegalArgumentException.class, () -> new WolfeLineSearch(1e-4, 1e-5, 10)).getMessage());
        assertEquals("line-search evaluations must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new WolfeLineSearch(1e-4, 0.9, 0)).getMessage());
    }
}
