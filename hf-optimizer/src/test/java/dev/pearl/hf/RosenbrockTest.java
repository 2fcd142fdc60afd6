package dev.pearl.hf;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.SgdOptions;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.train.Optimizer;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.hf.train.TrainingState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HF against plain gradient descent on Rosenbrock's valley from the classic start (−1.2, 1). */
class RosenbrockTest {
    private static final double TARGET = 1e-10;
    private static final int HF_LIMIT = 100;

    @Test
    void hessianPathReachesTargetFarSoonerThanGradientDescent() {
        int hf = iterationsToTarget(new HessianFree(Rosenbrock.objective(), BatchPlan.of(Batch.none())), HF_LIMIT);
        System.out.println("HF (Hessian) iterations to f < 1e-10: " + hf);
        assertTrue(hf <= HF_LIMIT, "HF with the exact Hessian did not reach f < 1e-10 in " + HF_LIMIT + " iterations");
        assertGradientDescentNeedsMoreThan(50 * hf);
    }

    @Test
    void gaussNewtonPathReachesTarget() {
        int hf = iterationsToTarget(new HessianFree(Rosenbrock.residuals(), BatchPlan.of(Rosenbrock.residualCase())), HF_LIMIT);
        System.out.println("HF (Gauss-Newton) iterations to f < 1e-10: " + hf);
        assertTrue(hf <= HF_LIMIT, "HF with Gauss-Newton did not reach f < 1e-10 in " + HF_LIMIT + " iterations");
    }

    /** Gradient descent (no momentum, one "case") at several step sizes around the stable limit. */
    private static void assertGradientDescentNeedsMoreThan(int budget) {
        for (double rate : new double[]{1e-4, 3e-4, 1e-3, 1.5e-3}) {
            SgdOptions gd = SgdOptions.defaults().withLearningRate(rate).withMomentum(MomentumSchedule.constant(0)).withNesterov(false).withBatchSize(1);
            MomentumSgd descent = new MomentumSgd(Rosenbrock.objective(), Batch.none(), gd);
            int needed = iterationsToTarget(descent, budget);
            System.out.println("gradient descent at rate " + rate + ": " + (needed > budget ? "not within " + budget : needed) + " iterations");
            assertFalse(needed <= budget, "gradient descent at rate " + rate + " reached the target in " + needed + " iterations");
        }
    }

    /** Iterations until Rosenbrock's value (computed here, not by the optimizer) is below the target; limit + 1 if never. */
    private static <S extends TrainingState> int iterationsToTarget(Optimizer<S, ?> optimizer, int limit) {
        int[] reached = {limit + 1};
        TrainingListener<S, Object> listener = (report, state) -> {
            if (reached[0] > limit && Rosenbrock.value(state.parameters()) < TARGET) reached[0] = state.iteration();
        };
        TrainingLoop.run(optimizer, optimizer.start(Rosenbrock.start()), StopCondition.afterIterations(limit).or((i, loss, s) -> reached[0] <= limit), listener);
        return reached[0];
    }
}
