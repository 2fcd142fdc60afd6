package dev.pearl.hf;

import dev.pearl.Params;
import dev.pearl.hf.cg.CgOptions;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.SgdOptions;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HF with Martens' defaults on the tiny auto-encoder, from sparse initialisation. Error is squared
 * error summed over the 16 pixels, averaged over cases; the untrained net scores about 2.9.
 */
class AutoencoderTest {
    private static final int CASES = 256;
    private static final int HF_ITERATIONS = 30;
    private static final double TARGET_ERROR = 0.05;

    @Test
    void hfTrainsBelowTargetWhereSgdWithAsManyGradientsDoesNot() {
        Batch data = TinyAutoencoder.data(CASES, 1);
        Params start = TinyAutoencoder.init(3);
        double initial = TinyAutoencoder.reconstructionError(start, data);

        HessianFree hf = new HessianFree(TinyAutoencoder.problem(), BatchPlan.of(data));
        HfState trained = TrainingLoop.run(hf, hf.start(start), StopCondition.afterIterations(HF_ITERATIONS), TrainingListener.none());
        double hfError = TinyAutoencoder.reconstructionError(trained.parameters(), data);
        System.out.printf("tiny auto-encoder: initial error %.3f, HF after %d iterations %.4f%n", initial, HF_ITERATIONS, hfError);
        assertTrue(initial > 2, "the untrained net should reconstruct badly, error " + initial);
        assertTrue(hfError < TARGET_ERROR, "HF error " + hfError + " after " + HF_ITERATIONS + " iterations, wanted < " + TARGET_ERROR);

        // HF computed one full gradient per iteration: give SGD as many per-case gradients.
        for (double rate : new double[]{0.1, 0.3}) {
            SgdOptions options = SgdOptions.defaults().withLearningRate(rate).withMomentum(MomentumSchedule.sutskever(0.99)).withBatchSize(32);
            MomentumSgd sgd = new MomentumSgd(TinyAutoencoder.problem(), data, options);
            SgdState end = TrainingLoop.run(sgd, sgd.start(start), StopCondition.afterIterations(HF_ITERATIONS * sgd.stepsPerEpoch()), TrainingListener.none());
            double sgdError = TinyAutoencoder.reconstructionError(end.parameters(), data);
            System.out.printf("Nesterov SGD at rate %.1f after %d epochs: %.4f%n", rate, HF_ITERATIONS, sgdError);
            assertTrue(sgdError > TARGET_ERROR, "SGD at rate " + rate + " reached " + sgdError);
        }
    }

    @Test
    void stochasticHfTrainsBelowTargetInAsManyPassesOverTheData() {
        // Gradient batches of 64 (four steps per pass), curvature on 32 of them, CG capped at 20.
        Batch data = TinyAutoencoder.data(CASES, 1);
        Params start = TinyAutoencoder.init(3);
        BatchPlan plan = BatchPlan.stochastic(data, 64, 32);
        HessianFree hf = new HessianFree(TinyAutoencoder.problem(), plan, HfOptions.martens().withCg(CgOptions.martens().withMaxIterations(20)));
        int steps = HF_ITERATIONS * plan.gradientChunks();
        HfState trained = TrainingLoop.run(hf, hf.start(start), StopCondition.afterIterations(steps), TrainingListener.none());
        double error = TinyAutoencoder.reconstructionError(trained.parameters(), data);
        System.out.printf("tiny auto-encoder: stochastic HF after %d steps (%d passes) %.4f%n", steps, HF_ITERATIONS, error);
        assertTrue(error < TARGET_ERROR, "stochastic HF error " + error + " after " + steps + " steps, wanted < " + TARGET_ERROR);
    }
}
