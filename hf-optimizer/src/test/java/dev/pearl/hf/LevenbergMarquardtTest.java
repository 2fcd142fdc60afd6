package dev.pearl.hf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LevenbergMarquardtTest {
    private final LevenbergMarquardt rule = LevenbergMarquardt.martens();

    @Test
    void defaultsAreMartens() {
        assertEquals(45, rule.initialLambda());
    }

    @Test
    void poorAgreementRaisesLambdaByThreeHalves() {
        for (double rho : new double[]{0.2499, 0, -3, Double.NEGATIVE_INFINITY, Double.NaN})
            assertEquals(15.0, rule.update(10, rho), 1e-12, "ρ = " + rho);
    }

    @Test
    void middlingAgreementKeepsLambda() {
        for (double rho : new double[]{0.25, 0.5, 0.75}) assertEquals(10.0, rule.update(10, rho), "ρ = " + rho);
    }

    @Test
    void goodAgreementLowersLambdaByTwoThirds() {
        for (double rho : new double[]{0.7501, 1, 2.5}) assertEquals(20.0 / 3, rule.update(10, rho), 1e-12, "ρ = " + rho);
    }

    @Test
    void lambdaStaysPositiveAndFinite() {
        assertEquals(Double.MAX_VALUE, rule.update(Double.MAX_VALUE, -1));
        assertEquals(Double.MIN_NORMAL, rule.update(Double.MIN_NORMAL, 1));
    }

    @Test
    void aFloorStopsTheDecayButNotTheIncrease() {
        LevenbergMarquardt floored = rule.withMinimumLambda(1e-3);
        double lambda = 1;
        for (int i = 0; i < 100; i++) lambda = floored.update(lambda, 1);
        assertEquals(1e-3, lambda, "100 trustworthy steps");
        assertEquals(1.5e-3, floored.update(lambda, 0), 1e-15);
        assertEquals(10.0, floored.update(10, 0.5), "middling ρ keeps λ above the floor");
        assertThrows(IllegalArgumentException.class, () -> rule.withMinimumLambda(-1));
        assertThrows(IllegalArgumentException.class, () -> rule.withMinimumLambda(46), "a floor above λ0");
    }

    @Test
    void aRangeLowersStartAndFloorTogetherWhateverFloorTheRuleHad() {
        LevenbergMarquardt floored = rule.withMinimumLambda(10);
        assertThrows(IllegalArgumentException.class, () -> floored.withInitialLambda(1), "λ0 below the existing floor");
        LevenbergMarquardt lowered = floored.withLambdaRange(1, 1e-3);
        assertEquals(1, lowered.initialLambda());
        assertEquals(1e-3, lowered.minimumLambda());
        assertEquals(0, floored.withLambdaRange(1, 0).minimumLambda(), "0 removes the floor");
        assertThrows(IllegalArgumentException.class, () -> rule.withLambdaRange(1, 2), "a floor above λ0");
    }

    @Test
    void reductionRatioDividesActualByPredicted() {
        assertEquals(0.5, LevenbergMarquardt.reductionRatio(-1, -2));
        assertEquals(-1.5, LevenbergMarquardt.reductionRatio(3, -2));
    }

    @Test
    void untrustworthyStepsGetMinusInfinity() {
        assertEquals(Double.NEGATIVE_INFINITY, LevenbergMarquardt.reductionRatio(Double.NaN, -1));
        assertEquals(Double.NEGATIVE_INFINITY, LevenbergMarquardt.reductionRatio(Double.POSITIVE_INFINITY, -1));
        assertEquals(Double.NEGATIVE_INFINITY, LevenbergMarquardt.reductionRatio(-1, Double.NaN));
        assertEquals(Double.NEGATIVE_INFINITY, LevenbergMarquardt.reductionRatio(-1, 0), "no predicted decrease");
    }

    @Test
    void rejectsSettingsThatBreakTheRule() {
        assertThrows(IllegalArgumentException.class, () -> rule.withInitialLambda(0));
        assertThrows(IllegalArgumentException.class, () -> rule.withFactors(0.9, 0.5));
        assertThrows(IllegalArgumentException.class, () -> rule.withFactors(1.5, 1.2));
        assertThrows(IllegalArgumentException.class, () -> rule.withThresholds(0.8, 0.2));
    }
}
