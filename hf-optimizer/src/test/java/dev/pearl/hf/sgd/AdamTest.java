package dev.pearl.hf.sgd;

import dev.pearl.Ops;
import dev.pearl.Params;
import dev.pearl.hf.Quadratic;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.Step;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamTest {
    /** f(x) = ½·3·x², so g = 3x; from x0 = 2 with α = 0.1 and the paper's β1, β2, ε. */
    private static final Quadratic ONE_D = new Quadratic(new double[]{3}, new double[]{0});
    private static final AdamOptions PAPER = AdamOptions.defaults().withLearningRate(0.1);

    @Test
    void firstStepsMatchAlgorithmOneWorkedByHand() {
        // Step 1: g = 6, m = 0.6, v = 0.036, m̂ = 6, v̂ = 36, x1 = 2 − 0.1·6/(6 + 1e-8).
        // Step 2: g = 3·x1, m = 0.9·0.6 + 0.1·g, v = 0.999·0.036 + 0.001·g², m̂ = m/0.19, v̂ = v/0.001999.
        // Step 3 likewise with 1 − 0.9³ and 1 − 0.999³. Worked out in double precision:
        double[] expected = {2 - 0.1 * 6 / (6 + 1e-8), 1.800166485947237, 1.7006233917912488};
        Adam adam = new Adam(ONE_D.problem(), Batch.none(), PAPER);
        AdamState state = adam.start(ONE_D.point(2));
        for (int t = 0; t < 3; t++) {
            state = adam.step(state).state();
            assertEquals(expected[t], state.parameters().get(0).toDoubleArray()[0], 4 * Math.ulp(expected[t]), "x after step " + (t + 1));
        }
        assertEquals(3, state.iteration());
    }

    @Test
    void tenStepsFollowTheRecurrenceOfTheDefinition() {
        double a = 3, x = 2, m = 0, v = 0, b1 = PAPER.beta1(), b2 = PAPER.beta2();
        Adam adam = new Adam(ONE_D.problem(), Batch.none(), PAPER);
        AdamState state = adam.start(ONE_D.point(x));
        for (int t = 1; t <= 10; t++) {
            double g = a * x;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            x -= PAPER.learningRate() * (m / (1 - Math.pow(b1, t))) / (Math.sqrt(v / (1 - Math.pow(b2, t))) + PAPER.epsilon());
            state = adam.step(state).state();
            assertEquals(x, state.parameters().get(0).toDoubleArray()[0], 1e-14, "x after step " + t);
            assertEquals(m, state.mean().get(0).toDoubleArray()[0], 1e-14, "m after step " + t);
            assertEquals(v, state.meanSquare().get(0).toDoubleArray()[0], 1e-14, "v after step " + t);
        }
    }

    @Test
    void theFirstStepMovesEveryCoordinateByAlphaWhateverTheGradientsScale() {
        // m̂1 = g and v̂1 = g², so step 1 is α·g/(|g| + ε): α per coordinate up to ε/|g|.
        Quadratic q = new Quadratic(new double[]{1e-3, 1, 1e3}, new double[]{0, 0, 0});
        Adam adam = new Adam(q.problem(), Batch.none(), AdamOptions.defaults());
        double[] x1 = adam.step(adam.start(q.point(1, -1, 1))).state().parameters().get(0).toDoubleArray();
        assertArrayEquals(new double[]{1 - 1e-3, -1 + 1e-3, 1 - 1e-3}, x1, 1e-3 * 1e-8 / 1e-3 + 1e-15);
    }

    @Test
    void reachesTheMinimumOfAnIllConditionedQuadraticToWithinAStep() {
        // Adam's steps are about α long in each coordinate (Kingma & Ba §2.1), so with a fixed α it
        // can be asked to come within α of the minimum in every coordinate, not closer.
        Quadratic q = Quadratic.illConditioned(5, 100);
        AdamOptions options = AdamOptions.defaults().withLearningRate(0.01);
        Adam adam = new Adam(q.problem(), Batch.none(), options);
        Params start = q.point(0, 0, 0, 0, 0);
        AdamState end = TrainingLoop.run(adam, adam.start(start), StopCondition.afterIterations(3000), TrainingListener.none());
        assertTrue(q.value(end.parameters()) < q.value(start));
        assertTrue(q.maxCoordinateError(end.parameters()) <= options.learningRate(),
                "largest |x_i − c_i| = " + q.maxCoordinateError(end.parameters()));
    }

    @Test
    void aNonFiniteGradientKeepsThetaAndTheMomentsButCountsTheStep() {
        Problem sqrt = Problem.ofObjective((p, batch) -> Ops.sum(Ops.sqrt(p.get(0))));
        Adam adam = new Adam(sqrt, Batch.none(), AdamOptions.defaults());
        Params theta = Params.of(Tensor.of(new double[]{0, 1}, 2)), moment = Params.of(Tensor.of(new double[]{0.5, 0.25}, 2));
        Step<AdamState, MinibatchIteration> step = adam.step(new AdamState(theta, moment, moment, 4));
        assertFalse(step.report().accepted());
        assertArrayEquals(new double[]{0, 1}, step.state().parameters().get(0).toDoubleArray());
        assertArrayEquals(new double[]{0.5, 0.25}, step.state().mean().get(0).toDoubleArray());
        assertArrayEquals(new double[]{0.5, 0.25}, step.state().meanSquare().get(0).toDoubleArray());
        assertEquals(5, step.state().iteration());
    }
}
