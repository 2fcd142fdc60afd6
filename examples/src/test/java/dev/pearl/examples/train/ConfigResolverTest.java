package dev.pearl.examples.train;

import dev.pearl.examples.data.Datasets;
import dev.pearl.hf.HfSettings;
import dev.pearl.hf.lbfgs.LbfgsOptions;
import dev.pearl.hf.sgd.AdamOptions;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.RmsPropOptions;
import dev.pearl.hf.sgd.SgdOptions;
import dev.pearl.tensor.DType;
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

    private static RunOptions task(String name, int length) {
        RunOptions o = new RunOptions();
        o.task.name = name;
        o.task.length = length;
        return o;
    }

    private static RunConfig freshTask(RunOptions o, int trainSize) {
        return ConfigResolver.fresh(o, ConfigResolver.dataset(o), trainSize, 2_000, null, null);
    }

    @Test
    void anRnnStartsFromSutskeversReleasedSettings() {
        RunConfig addition = freshTask(task("addition", 100), 10_000);
        HfSettings hf = (HfSettings) addition.optimizer().settings();
        // Ten gradient batches of 1000, curvature on one of them, 300 CG steps, λ0 = 0.01 per output, weight cost 2e-5, μ = 1/30.
        assertEquals(10_000, hf.gradientBatch(), "the gradient on every training sequence: Martens' plan");
        assertEquals(1_000, hf.curvatureBatch());
        assertEquals(1_000, hf.lineSearchBatch());
        assertEquals(300, hf.cgMaxIterations());
        assertEquals(0.01, hf.initialDamping());
        assertEquals(0, hf.minimumDamping());
        assertEquals(1.0 / 30, hf.structuralDamping());
        assertEquals(2e-5, addition.weightCost());
        assertEquals(1, addition.updatesPerIteration(), "one HF step per row, as on Martens' plan");
        assertEquals(1e-5, fresh(new RunOptions(), 20_000).weightCost(), "the auto-encoder keeps Martens' weight cost");

        assertEquals(0.08, ((HfSettings) freshTask(task("temporal-order-2", 100), 10_000).optimizer().settings()).initialDamping(), 1e-15,
                "8 outputs as that code counts them");
        // The permutation has T outputs in that code's count and a target at each of its T steps, which Pearl's loss sums.
        assertEquals(0.01 * 50 * 50, ((HfSettings) freshTask(task("random-permutation", 50), 10_000).optimizer().settings()).initialDamping(), 1e-9);
        assertEquals(500, ((HfSettings) freshTask(task("addition", 100), 5_000).optimizer().settings()).curvatureBatch(),
                "a tenth of a smaller set");
    }

    @Test
    void anRnnComputesInFloat64UnlessToldOtherwiseAndTheImageModelsInFloat32() {
        assertEquals(DType.FLOAT64, freshTask(task("addition", 100), 10_000).dtype(),
                "float32 stalls the line search of addition at T = 100 at the trivial solution");
        RunOptions float32 = task("addition", 100);
        float32.dtype = "float32";
        assertEquals(DType.FLOAT32, freshTask(float32, 10_000).dtype());
        assertEquals(DType.FLOAT32, fresh(new RunOptions(), 20_000).dtype());
        RunOptions lenet = new RunOptions();
        lenet.model = "lenet";
        assertEquals(DType.FLOAT32, ConfigResolver.dtype(lenet));
    }

    @Test
    void optionsGivenToAnRnnOverrideItsDefaultsAndAStochasticGradientBatchKeepsStochasticHfsOwn() {
        RunOptions o = task("addition", 100);
        o.initialDamping = 1.0;
        o.weightCost = 0.0;
        RunConfig given = freshTask(o, 10_000);
        assertEquals(1.0, ((HfSettings) given.optimizer().settings()).initialDamping());
        assertEquals(300, ((HfSettings) given.optimizer().settings()).cgMaxIterations());
        assertEquals(0, given.weightCost());

        RunOptions stochastic = task("addition", 100);
        stochastic.gradientBatch = 500;
        assertEquals(HfSettings.defaultsFor(10_000, 500).withInitialDamping(0.01), freshTask(stochastic, 10_000).optimizer().settings());
    }

    @Test
    void structuralDampingIsAnHfSettingOfTheRnnThatSurvivesTheCheckpointAndCannotChangeOnResume() {
        RunOptions off = task("addition", 100);
        off.structuralDamping = 0.0;
        RunConfig config = freshTask(off, 10_000);
        assertEquals(0, ((HfSettings) config.optimizer().settings()).structuralDamping());
        RunConfig back = RunConfig.fromMetadata(config.toMetadata(), "test");
        assertEquals(config.optimizer(), back.optimizer());

        java.util.Map<String, String> older = new java.util.LinkedHashMap<>(freshTask(task("addition", 100), 10_000).toMetadata());
        older.remove("config.structural_damping");
        assertEquals(1.0 / 30, ((HfSettings) RunConfig.fromMetadata(older, "old").optimizer().settings()).structuralDamping(),
                "a checkpoint from before the setting ran with Martens & Sutskever's mu");

        RunOptions changed = new RunOptions();
        changed.structuralDamping = 0.1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigResolver.resumed(config, changed, null, null)).getMessage()
                .contains("--structural-damping 0.1 (the run has 0.0)"));
        RunOptions same = new RunOptions();
        same.structuralDamping = 0.0;
        assertEquals(config.optimizer(), ConfigResolver.resumed(config, same, null, null).optimizer(), "the same mu is no conflict");
    }

    @Test
    void aModelWithoutHiddenStatesTakesOnlyTheDefaultStructuralDamping() {
        RunOptions o = new RunOptions();
        o.structuralDamping = 0.0;
        assertEquals("--structural-damping 0.0: --model autoencoder declares no hidden states to damp (only --task's RNN does); drop it",
                assertThrows(IllegalArgumentException.class, () -> fresh(o, 1_000)).getMessage());
        RunOptions byDefault = new RunOptions();
        byDefault.structuralDamping = 1.0 / 30;
        assertEquals(1.0 / 30, ((HfSettings) fresh(byDefault, 1_000).optimizer().settings()).structuralDamping());
        RunOptions negative = task("addition", 100);
        negative.structuralDamping = -1.0;
        assertEquals("--structural-damping: structural damping μ must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> freshTask(negative, 10_000)).getMessage());
        RunOptions adam = task("addition", 100);
        adam.optimizer = "adam";
        adam.structuralDamping = 0.0;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> freshTask(adam, 10_000)).getMessage()
                .startsWith("--structural-damping does not apply to --optimizer adam"));
    }
}
