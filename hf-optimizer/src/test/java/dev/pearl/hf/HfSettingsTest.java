package dev.pearl.hf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defaults of both HF plans and the rules of stochastic HF, which live only here. */
class HfSettingsTest {
    @Test
    void aSetOfTwoGradientBatchesGetsStochasticHfWithTheCurvesSetUp() {
        HfSettings s = HfSettings.defaultsFor(20_000);
        assertTrue(s.isStochastic());
        assertEquals(1_000, s.gradientBatch());
        assertEquals(1_000, s.curvatureBatch(), "curvature on the whole gradient batch");
        assertEquals(1_000, s.lineSearchBatch(), "the line search on each gradient batch");
        assertEquals(25, s.cgMaxIterations());
        assertEquals(45, s.initialDamping(), "Martens' λ0");
        assertEquals(1e-3, s.minimumDamping());
        assertEquals(20, s.gradientBatches());
        assertTrue(HfSettings.defaultsFor(2_000).isStochastic());
    }

    @Test
    void aSmallSetOrAWholeSetGradientBatchGetsMartensPlan() {
        HfSettings small = HfSettings.defaultsFor(1_999);
        assertFalse(small.isStochastic());
        assertEquals(1_999, small.gradientBatch());
        assertEquals(500, small.curvatureBatch(), "a quarter of the set");
        assertEquals(500, small.lineSearchBatch());
        assertEquals(250, small.cgMaxIterations());
        assertEquals(0, small.minimumDamping());

        HfSettings martens = HfSettings.defaultsFor(20_000, 20_000);
        assertFalse(martens.isStochastic());
        assertEquals(5_000, martens.curvatureBatch(), "Martens' 5000 of 20000");
        assertEquals(1, martens.gradientBatches());
    }

    @Test
    void theCurvatureBatchIsTheGradientBatchUpToAThousand() {
        assertEquals(1_000, HfSettings.defaultsFor(20_000, 5_000).curvatureBatch());
        assertEquals(400, HfSettings.defaultsFor(20_000, 400).curvatureBatch());
    }

    @Test
    void aLowerInitialDampingLowersTheDefaultFloorButAGivenFloorMustNotExceedIt() {
        HfSettings low = HfSettings.defaultsFor(20_000).withInitialDamping(1e-4);
        assertEquals(1e-4, low.minimumDamping());
        assertEquals(1e-3, HfSettings.defaultsFor(20_000).withInitialDamping(1).minimumDamping());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> low.withMinimumDamping(1e-3));
        assertEquals("HF minimum damping must lie in [0, initial damping 1.0E-4], got 0.001", e.getMessage());
    }

    @Test
    void stochasticHfRulesSayWhatToDoInstead() {
        assertEquals("HF gradient batch 800 of 1000 training cases makes a single batch; use at most 666 for stochastic HF, "
                        + "or 1000 for the whole-set gradient",
                assertThrows(IllegalArgumentException.class, () -> HfSettings.defaultsFor(1_000, 800)).getMessage());
        assertEquals("HF curvature batch 200 is larger than the gradient batch 100: stochastic HF cuts its curvature batches from each gradient batch",
                assertThrows(IllegalArgumentException.class, () -> HfSettings.defaultsFor(1_000, 100).withCurvatureBatch(200)).getMessage());
        String lineSearch = assertThrows(IllegalArgumentException.class, () -> HfSettings.defaultsFor(20_000).withLineSearchBatch(2_000)).getMessage();
        assertTrue(lineSearch.contains("does not apply to stochastic HF (gradient batch 1000 of 20000 cases)"), lineSearch);
        assertTrue(lineSearch.contains("a gradient batch of all 20000 cases gives Martens' plan"), lineSearch);
        assertEquals("HF gradient batch must lie between 1 and the 200 training cases, got 0",
                assertThrows(IllegalArgumentException.class, () -> HfSettings.defaultsFor(200, 0)).getMessage());
    }

    @Test
    void thePlanAndOptionsCarryTheSettings() {
        HfSettings s = HfSettings.defaultsFor(64, 16).withCurvatureBatch(8).withCgMaxIterations(7).withInitialDamping(2).withMinimumDamping(0.5);
        BatchPlan plan = s.plan(TinyAutoencoder.data(64, 1));
        assertTrue(plan.isStochastic());
        assertEquals(4, plan.gradientChunks());
        assertEquals(2, plan.curvatureChunks());
        HfOptions options = s.options(9);
        assertEquals(7, options.cg().maxIterations());
        assertEquals(2, options.damping().initialLambda());
        assertEquals(0.5, options.damping().minimumLambda());
        assertEquals(9, options.seed());
        assertThrows(IllegalArgumentException.class, () -> s.plan(TinyAutoencoder.data(63, 1)));
    }

    @Test
    void theDampingDecreaseIsMartensUnlessGivenAndReachesTheOptions() {
        assertEquals(2.0 / 3.0, HfSettings.defaultsFor(20_000).dampingDecrease());
        assertEquals(2.0 / 3.0, HfSettings.defaultsFor(1_000).dampingDecrease());
        HfSettings fast = HfSettings.defaultsFor(20_000).withDampingDecrease(0.25).withInitialDamping(2).withCgMaxIterations(9);
        assertEquals(0.25, fast.dampingDecrease(), "later withers keep the decrease");
        LevenbergMarquardt damping = fast.options(1).damping();
        assertEquals(0.25, damping.decrease());
        assertEquals(1.5, damping.increase(), "the increase stays Martens' 3/2");
        // λ0 = 2 with a floor of 1e-3: three accepted steps give 2·0.25³, a rejected one then 3/2 of that.
        double lambda = damping.initialLambda();
        for (int i = 0; i < 3; i++) lambda = damping.update(lambda, 0.9);
        assertEquals(2 * 0.25 * 0.25 * 0.25, lambda, 1e-15);
        assertEquals(1.5 * 2 * 0.25 * 0.25 * 0.25, damping.update(lambda, 0.1), 1e-15);
        for (int i = 0; i < 3; i++) lambda = damping.update(lambda, 0.9);
        assertEquals(1e-3, lambda, "the floor still holds (2·0.25⁶ would lie below it)");
    }

    @Test
    void aDampingDecreaseOutsideZeroToTwoThirdsIsRefused() {
        HfSettings s = HfSettings.defaultsFor(20_000);
        for (double bad : new double[]{0, -0.5, 0.7, 1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.withDampingDecrease(bad));
            assertEquals("HF damping decrease must lie in (0, 2/3], got " + bad, e.getMessage());
        }
        assertEquals(2.0 / 3.0, s.withDampingDecrease(2.0 / 3.0).dampingDecrease(), "Martens' own factor is the largest allowed");
    }

    @Test
    void structuralDampingIsMartensAndSutskeversUnlessGivenAndReachesTheOptions() {
        HfSettings s = HfSettings.defaultsFor(20_000);
        assertEquals(1.0 / 30, s.structuralDamping());
        assertEquals(1.0 / 30, s.options(1).structuralDamping());
        HfSettings off = s.withStructuralDamping(0).withCgMaxIterations(9).withInitialDamping(2);
        assertEquals(0, off.structuralDamping(), "later withers keep μ");
        assertEquals(0, off.options(1).structuralDamping(), "0 reaches the options: plain Gauss-Newton");
        assertEquals(0.5, HfSettings.defaultsFor(1_000).withStructuralDamping(0.5).options(3).structuralDamping());
    }

    @Test
    void aNegativeOrInfiniteStructuralDampingIsRefusedWithHfOptionsMessage() {
        HfSettings s = HfSettings.defaultsFor(20_000);
        for (double bad : new double[]{-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            String settings = assertThrows(IllegalArgumentException.class, () -> s.withStructuralDamping(bad)).getMessage();
            String options = assertThrows(IllegalArgumentException.class, () -> HfOptions.martens().withStructuralDamping(bad)).getMessage();
            assertEquals("structural damping μ must be finite and >= 0, got " + bad, settings);
            assertEquals(settings, options, "one check for both");
        }
    }
}
