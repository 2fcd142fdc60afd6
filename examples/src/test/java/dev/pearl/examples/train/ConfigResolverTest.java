package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defaults a new run takes from the data set's size when options are left out. */
class ConfigResolverTest {
    @Test
    void curvesDefaultsToThePapersSizes() {
        RunOptions none = new RunOptions();
        assertEquals(20_000, ConfigResolver.requestedTrainSize(none, Datasets.CURVES));
        assertEquals(10_000, ConfigResolver.requestedTestSize(none, Datasets.CURVES));
    }

    @Test
    void aLargeTrainingSetGetsStochasticHfWithTheCurvesSetUp() {
        RunConfig c = ConfigResolver.fresh(new RunOptions(), Datasets.CURVES, 20_000, 10_000, null, null);
        assertTrue(c.stochasticHf());
        assertEquals(1_000, c.gradientBatch());
        assertEquals(1_000, c.curvatureBatch(), "curvature on the whole gradient batch");
        assertEquals(1_000, c.lineSearchBatch(), "the line search on each gradient batch");
        assertEquals(25, c.cgMaxIterations());
        assertEquals(1e-3, c.minimumDamping());
        assertEquals(45, c.initialDamping(), "Martens' λ0");
        assertEquals(20, c.updatesPerIteration(), "a row every 20 steps");
    }

    @Test
    void twoThousandImagesAreEnoughForTheStochasticPlan() {
        assertTrue(ConfigResolver.fresh(new RunOptions(), Datasets.CURVES, 2_000, 100, null, null).stochasticHf());
    }

    @Test
    void sgdKeepsHfSettingsAtTheirWholeSetValues() {
        RunOptions sgd = new RunOptions();
        sgd.optimizer = "sgd";
        RunConfig c = ConfigResolver.fresh(sgd, Datasets.CURVES, 20_000, 10_000, null, null);
        assertEquals(20_000, c.gradientBatch());
        assertEquals(0, c.minimumDamping());
    }

    @Test
    void aSmallTrainingSetOrAWholeSetGradientBatchGetsMartensPlan() {
        RunConfig small = ConfigResolver.fresh(new RunOptions(), Datasets.CURVES, 1_999, 100, null, null);
        assertFalse(small.stochasticHf());
        assertEquals(1_999, small.gradientBatch());
        assertEquals(500, small.curvatureBatch(), "a quarter of the set");
        assertEquals(250, small.cgMaxIterations());
        assertEquals(0, small.minimumDamping());

        RunOptions whole = new RunOptions();
        whole.gradientBatch = 20_000;
        RunConfig martens = ConfigResolver.fresh(whole, Datasets.CURVES, 20_000, 10_000, null, null);
        assertFalse(martens.stochasticHf());
        assertEquals(5_000, martens.curvatureBatch(), "Martens' 5000 of 20000");
        assertEquals(250, martens.cgMaxIterations());
    }

    @Test
    void theCurvatureBatchIsTheGradientBatchUpToAThousand() {
        RunOptions o = new RunOptions();
        o.gradientBatch = 5_000;
        assertEquals(1_000, ConfigResolver.fresh(o, Datasets.CURVES, 20_000, 10_000, null, null).curvatureBatch());
        o.gradientBatch = 400;
        assertEquals(400, ConfigResolver.fresh(o, Datasets.CURVES, 20_000, 10_000, null, null).curvatureBatch());
    }

    @Test
    void aLineSearchBatchUnderTheDefaultStochasticPlanSaysHowToGetMartensPlan() {
        RunOptions o = new RunOptions();
        o.lineSearchBatch = 2_000;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigResolver.fresh(o, Datasets.CURVES, 20_000, 10_000, null, null));
        assertTrue(e.getMessage().contains("the default for 20000 training images"), e.getMessage());
        assertTrue(e.getMessage().contains("--gradient-batch 20000"), e.getMessage());
    }
}
