package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;
import dev.pearl.hf.HfSettings;
import dev.pearl.hf.lbfgs.LbfgsOptions;
import dev.pearl.hf.sgd.AdamOptions;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.RmsPropOptions;
import dev.pearl.hf.sgd.SgdOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the options become a run's configuration: data-set defaults here, the optimizer's settings from its own record. */
class ConfigResolverTest {
    private static RunConfig fresh(RunOptions o, int trainSize) {
        return ConfigResolver.fresh(o, Datasets.CURVES, trainSize, 100, null, null);
    }

    private static RunOptions optimizer(String name) {
        RunOptions o = new RunOptions();
        o.optimizer = name;
        return o;
    }

    @Test
    void curvesDefaultsToThePapersSizes() {
        RunOptions none = new RunOptions();
        assertEquals(20_000, ConfigResolver.requestedTrainSize(none, Datasets.CURVES));
        assertEquals(10_000, ConfigResolver.requestedTestSize(none, Datasets.CURVES));
    }

    @Test
    void withoutOptionsEachOptimizerTakesItsSettingsRecordsDefaults() {
        assertEquals(HfSettings.defaultsFor(20_000), fresh(new RunOptions(), 20_000).optimizer().settings());
        assertEquals(SgdOptions.defaults(), fresh(optimizer("sgd"), 20_000).optimizer().settings());
        assertEquals(SgdOptions.sutskever(), fresh(optimizer("nesterov"), 20_000).optimizer().settings());
        assertEquals(AdamOptions.defaults(), fresh(optimizer("adam"), 20_000).optimizer().settings());
        assertEquals(RmsPropOptions.defaults(), fresh(optimizer("RMSProp"), 20_000).optimizer().settings(), "names ignore case");
        assertEquals(LbfgsOptions.defaults(), fresh(optimizer("lbfgs"), 20_000).optimizer().settings());
    }

    @Test
    void givenOptionsGoOntoTheSettingsRecord() {
        RunOptions adam = optimizer("adam");
        adam.learningRate = 3e-4;
        adam.beta1 = 0.8;
        adam.batchSize = 50;
        assertEquals(AdamOptions.defaults().withLearningRate(3e-4).withBeta1(0.8).withBatchSize(50), fresh(adam, 1_000).optimizer().settings());

        RunOptions nesterov = optimizer("nesterov");
        nesterov.maxMomentum = 0.995;
        assertEquals(MomentumSchedule.sutskever(0.995), ((SgdOptions) fresh(nesterov, 1_000).optimizer().settings()).momentum());

        RunOptions hf = new RunOptions();
        hf.gradientBatch = 500;
        hf.initialDamping = 1e-4;
        assertEquals(HfSettings.defaultsFor(20_000, 500).withInitialDamping(1e-4), fresh(hf, 20_000).optimizer().settings(),
                "the gradient batch chooses the plan, whose floor yields to a lower λ0");
    }

    @Test
    void eachOptimizerMeasuresAfterItsOwnDefaultRound() {
        assertEquals(20, fresh(new RunOptions(), 20_000).updatesPerIteration(), "stochastic HF: 20 steps");
        assertEquals(1, fresh(new RunOptions(), 1_999).updatesPerIteration(), "whole-set HF: every step");
        assertEquals(5 * 200, fresh(optimizer("adam"), 20_000).updatesPerIteration(), "5 epochs of minibatches of 100");
        assertEquals(5, fresh(optimizer("adam"), 50).updatesPerIteration(), "5 epochs of the whole set when it is smaller than a minibatch");
        assertEquals(TrainDefaults.LBFGS_STEPS_PER_ROUND, fresh(optimizer("lbfgs"), 20_000).updatesPerIteration());
    }

    @Test
    void settingsOfAnotherOptimizerOrAnUnknownOptimizerAreRefusedNamingThem() {
        RunOptions o = optimizer("sgd");
        o.beta1 = 0.9;
        o.history = 5;
        assertEquals("--beta1, --history do not apply to --optimizer sgd, whose settings are --learning-rate, --momentum, --batch-size",
                assertThrows(IllegalArgumentException.class, () -> fresh(o, 1_000)).getMessage());
        assertEquals("unknown optimizer 'adamw' (expected hf, sgd, nesterov, adam, rmsprop or lbfgs)",
                assertThrows(IllegalArgumentException.class, () -> fresh(optimizer("adamw"), 1_000)).getMessage());
        RunOptions range = optimizer("adam");
        range.beta2 = 1.0;
        assertEquals("--beta2: Adam beta2 must lie in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class, () -> fresh(range, 1_000)).getMessage());
    }

    @Test
    void everyOptimizersSettingsSurviveTheCheckpointMetadata() {
        RunOptions[] runs = {new RunOptions(), optimizer("sgd"), optimizer("nesterov"), optimizer("adam"), optimizer("rmsprop"), optimizer("lbfgs")};
        runs[0].gradientBatch = 250;
        runs[0].minimumDamping = 0.01;
        runs[2].maxMomentum = 0.9;
        runs[3].epsilon = 1e-6;
        runs[4].decay = 0.95;
        runs[5].batchSize = 300;
        runs[5].stepsPerBatch = 7;
        for (RunOptions o : runs) {
            RunConfig config = fresh(o, 1_000);
            RunConfig back = RunConfig.fromMetadata(config.toMetadata(), "test");
            assertEquals(config.optimizer(), back.optimizer(), config.optimizer().key());
            assertEquals(config.updatesPerIteration(), back.updatesPerIteration());
        }
    }

    @Test
    void aResumedRunListsEveryOptionThatDisagreesWithIt() {
        RunConfig stored = fresh(optimizer("adam"), 1_000);
        RunOptions o = new RunOptions();
        o.learningRate = 0.01;
        o.beta1 = 0.9;
        o.seed = 5L;
        String message = assertThrows(IllegalArgumentException.class, () -> ConfigResolver.resumed(stored, o, null, null)).getMessage();
        assertTrue(message.contains("--seed 5 (the run has 1)"), message);
        assertTrue(message.contains("--learning-rate 0.01 (the run has 0.001)"), message);
        assertTrue(!message.contains("--beta1"), "a setting that agrees is no conflict: " + message);
        RunOptions other = new RunOptions();
        other.momentum = 0.5;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigResolver.resumed(stored, other, null, null)).getMessage()
                .startsWith("--momentum does not apply to --optimizer adam"));
    }
}
