package dev.pearl.hf;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArmijoLineSearchTest {
    private final ArmijoLineSearch search = ArmijoLineSearch.martens();

    /** f(θ + αp) = (α − a)² along a unit step from θ = 0: f(0) = a², slope −2a. */
    private static DoubleUnaryOperator parabola(double a) {
        return rate -> (rate - a) * (rate - a);
    }

    private static boolean armijo(DoubleUnaryOperator f, double rate, double a) {
        return f.applyAsDouble(rate) <= a * a + 1e-2 * rate * (-2 * a);
    }

    @Test
    void acceptsTheFullStepWhenItDecreasesEnough() {
        ArmijoLineSearch.Result r = search.search(parabola(0.9), 0.81, -1.8, Double.NaN);
        assertEquals(1.0, r.rate());
        assertEquals(0.01, r.objective(), 1e-15);
        assertEquals(1, r.evaluations());
    }

    @Test
    void shrinksByFourFifthsToTheFirstRateThatPasses() {
        double a = 0.3;
        DoubleUnaryOperator f = parabola(a);
        ArmijoLineSearch.Result r = search.search(f, a * a, -2 * a, f.applyAsDouble(1));
        assertTrue(r.accepted());
        long k = Math.round(Math.log(r.rate()) / Math.log(0.8));
        assertTrue(k >= 1);
        assertEquals(Math.pow(0.8, k), r.rate(), 1e-12, "rates are powers of 0.8");
        assertTrue(armijo(f, r.rate(), a), "the accepted rate satisfies the condition");
        for (long j = 0; j < k; j++) assertFalse(armijo(f, Math.pow(0.8, j), a), "a larger rate 0.8^" + j + " already passed");
        assertEquals(k, r.evaluations(), "the value at rate 1 was given, so only the shrunken rates are evaluated");
    }

    @Test
    void rejectsTheStepWhenNoRatePasses() {
        ArmijoLineSearch.Result r = search.withMaxTries(20).search(rate -> Double.NaN, 2.0, -1, Double.NaN);
        assertFalse(r.accepted());
        assertEquals(0.0, r.rate());
        assertEquals(2.0, r.objective(), "the objective stays at the start");
        assertEquals(20, r.evaluations());
    }

    @Test
    void anAscentDirectionMustNotRaiseTheObjective() {
        ArmijoLineSearch.Result r = search.search(rate -> 1 + 0.001 * rate, 1, 0.5, Double.NaN);
        assertFalse(r.accepted());
    }
}
