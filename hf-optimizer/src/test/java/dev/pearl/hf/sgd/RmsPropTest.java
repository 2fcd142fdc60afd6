package dev.pearl.hf.sgd;

import dev.pearl.Params;
import dev.pearl.hf.Quadratic;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RmsPropTest {
    /** f(x) = ½·3·x², so g = 3x; from x0 = 2 with ε = 0.01, ρ = 0.9, δ = 1e-8. */
    private static final Quadratic ONE_D = new Quadratic(new double[]{3}, new double[]{0});
    private static final RmsPropOptions OPTIONS = RmsPropOptions.defaults().withLearningRate(0.01);

    @Test
    void firstStepsMatchTheRuleWorkedByHand() {
        // Step 1: g = 6, v = 0.1·36 = 3.6, x1 = 2 − 0.01·6/(√3.6 + 1e-8) ≈ 2 − 0.01/√0.1.
        // Steps 2 and 3: v = 0.9·v + 0.1·g², x −= 0.01·g/(√v + 1e-8), worked out in double precision:
        double[] expected = {2 - 0.01 * 6 / (Math.sqrt(3.6) + 1e-8), 1.9456096369253224, 1.9266336822111414};
        RmsProp rms = new RmsProp(ONE_D.problem(), Batch.none(), OPTIONS);
        RmsPropState state = rms.start(ONE_D.point(2));
        for (int t = 0; t < 3; t++) {
            state = rms.step(state).state();
            assertEquals(expected[t], state.parameters().get(0).toDoubleArray()[0], 4 * Math.ulp(expected[t]), "x after step " + (t + 1));
        }
    }

    @Test
    void tenStepsFollowTheRecurrenceOfTheDefinition() {
        double a = 3, x = 2, v = 0;
        RmsProp rms = new RmsProp(ONE_D.problem(), Batch.none(), OPTIONS);
        RmsPropState state = rms.start(ONE_D.point(x));
        for (int t = 1; t <= 10; t++) {
            double g = a * x;
            v = OPTIONS.decay() * v + (1 - OPTIONS.decay()) * g * g;
            x -= OPTIONS.learningRate() * g / (Math.sqrt(v) + OPTIONS.epsilon());
            state = rms.step(state).state();
            assertEquals(x, state.parameters().get(0).toDoubleArray()[0], 1e-14, "x after step " + t);
            assertEquals(v, state.meanSquare().get(0).toDoubleArray()[0], 1e-13 * Math.max(1, v), "v after step " + t);
        }
    }

    @Test
    void reachesTheMinimumOfAnIllConditionedQuadraticToWithinAStep() {
        // v >= (1 − ρ)g², so no step is longer than ε/√(1 − ρ) in any coordinate: with a fixed ε
        // RMSProp can be asked to come that close to the minimum, not closer.
        Quadratic q = Quadratic.illConditioned(5, 100);
        RmsProp rms = new RmsProp(q.problem(), Batch.none(), OPTIONS);
        Params start = q.point(0, 0, 0, 0, 0);
        RmsPropState end = TrainingLoop.run(rms, rms.start(start), StopCondition.afterIterations(3000), TrainingListener.none());
        double longestStep = OPTIONS.learningRate() / Math.sqrt(1 - OPTIONS.decay());
        assertTrue(q.value(end.parameters()) < q.value(start));
        assertTrue(q.maxCoordinateError(end.parameters()) <= longestStep, "largest |x_i − c_i| = " + q.maxCoordinateError(end.parameters()));
    }
}
