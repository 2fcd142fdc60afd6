package dev.pearl.hf;

import dev.pearl.hf.lbfgs.LbfgsOptions;
import dev.pearl.hf.sgd.AdamOptions;
import dev.pearl.hf.sgd.RmsPropOptions;
import dev.pearl.hf.sgd.SgdOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every settings record refuses a value out of range with one line naming the setting and the value. */
class SettingsValidationTest {
    @Test
    void outOfRangeSettingsAreRefusedInOneLineNamingThem() {
        Map<String, Executable> cases = new LinkedHashMap<>();
        cases.put("SGD learning rate must be finite and > 0, got 0.0", () -> SgdOptions.defaults().withLearningRate(0));
        cases.put("SGD batch size must be >= 1, got 0", () -> SgdOptions.defaults().withBatchSize(0));
        cases.put("Adam learning rate must be finite and > 0, got Infinity", () -> AdamOptions.defaults().withLearningRate(Double.POSITIVE_INFINITY));
        cases.put("Adam beta1 must lie in [0, 1), got 1.0", () -> AdamOptions.defaults().withBeta1(1));
        cases.put("Adam beta2 must lie in [0, 1), got -0.5", () -> AdamOptions.defaults().withBeta2(-0.5));
        cases.put("Adam epsilon must be finite and > 0, got NaN", () -> AdamOptions.defaults().withEpsilon(Double.NaN));
        cases.put("Adam batch size must be >= 1, got -3", () -> AdamOptions.defaults().withBatchSize(-3));
        cases.put("RMSProp learning rate must be finite and > 0, got -0.001", () -> RmsPropOptions.defaults().withLearningRate(-1e-3));
        cases.put("RMSProp decay must lie in [0, 1), got 1.5", () -> RmsPropOptions.defaults().withDecay(1.5));
        cases.put("RMSProp epsilon must be finite and > 0, got 0.0", () -> RmsPropOptions.defaults().withEpsilon(0));
        cases.put("L-BFGS history must be >= 1, got 0", () -> LbfgsOptions.defaults().withHistory(0));
        cases.put("L-BFGS batch size must be >= 0, got -1", () -> LbfgsOptions.defaults().withBatchSize(-1));
        cases.put("L-BFGS steps per batch must be >= 1, got 0", () -> LbfgsOptions.defaults().withStepsPerBatch(0));
        cases.put("HF curvature batch must lie between 1 and the 200 training cases, got 300", () -> HfSettings.defaultsFor(200).withCurvatureBatch(300));
        cases.put("HF CG steps at most must be >= 1, got 0", () -> HfSettings.defaultsFor(200).withCgMaxIterations(0));
        cases.put("HF initial damping must be finite and > 0, got 0.0", () -> HfSettings.defaultsFor(200).withInitialDamping(0));
        cases.put("HF minimum damping must lie in [0, initial damping 45.0], got 50.0", () -> HfSettings.defaultsFor(200).withMinimumDamping(50));
        cases.forEach((message, bad) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad, message);
            assertEquals(message, e.getMessage());
        });
    }
}
