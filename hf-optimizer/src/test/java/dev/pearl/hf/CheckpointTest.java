package dev.pearl.hf;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.SgdOptions;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Saving the loop state, rebuilding it from plain numbers and resuming reproduces an uninterrupted run. */
class CheckpointTest {
    private final Batch data = TinyAutoencoder.data(64, 5);

    @Test
    void hessianFreeResumesToTheSameResult() {
        HfState straight = runHf(hf().start(TinyAutoencoder.init(8)), 6);
        HfState half = runHf(hf().start(TinyAutoencoder.init(8)), 3);
        HfState restored = new HfState(copy(half.parameters()), half.lambda(), copy(half.previousSolution()), half.iteration(), half.curvatureChunk());
        HfState resumed = runHf(restored, 6);

        assertEquals(6, resumed.iteration());
        assertEquals(straight.lambda(), resumed.lambda());
        assertEquals(straight.curvatureChunk(), resumed.curvatureChunk());
        assertSame(straight.parameters(), resumed.parameters());
        assertSame(straight.previousSolution(), resumed.previousSolution());
    }

    @Test
    void sgdResumesToTheSameResultAcrossEpochs() {
        SgdOptions options = SgdOptions.defaults().withLearningRate(0.3).withMomentum(MomentumSchedule.sutskever(0.99)).withBatchSize(16).withSeed(3);
        MomentumSgd sgd = new MomentumSgd(TinyAutoencoder.problem(), data, options);
        SgdState straight = TrainingLoop.run(sgd, sgd.start(TinyAutoencoder.init(8)), StopCondition.afterIterations(10), TrainingListener.none());
        SgdState half = TrainingLoop.run(sgd, sgd.start(TinyAutoencoder.init(8)), StopCondition.afterIterations(5), TrainingListener.none());
        MomentumSgd fresh = new MomentumSgd(TinyAutoencoder.problem(), data, options);
        SgdState resumed = TrainingLoop.run(fresh, new SgdState(copy(half.parameters()), copy(half.velocity()), half.iteration()),
                StopCondition.afterIterations(10), TrainingListener.none());
        assertSame(straight.parameters(), resumed.parameters());
        assertSame(straight.velocity(), resumed.velocity());
    }

    private HessianFree hf() {
        return new HessianFree(TinyAutoencoder.problem(), BatchPlan.of(data).withCurvatureChunks(2));
    }

    private HfState runHf(HfState from, int until) {
        return TrainingLoop.run(hf(), from, StopCondition.afterIterations(until), TrainingListener.none());
    }

    /** A deep copy through plain arrays, as a checkpoint file would make. */
    private static Params copy(Params p) {
        if (p == null) return null;
        Params.Builder b = Params.builder();
        for (int i = 0; i < p.size(); i++) b.add(p.name(i), Tensor.of(p.get(i).toDoubleArray(), p.get(i).shape().dims()));
        return b.build();
    }

    private static void assertSame(Params expected, Params actual) {
        assertEquals(expected.names(), actual.names());
        for (int i = 0; i < expected.size(); i++)
            assertArrayEquals(expected.get(i).toDoubleArray(), actual.get(i).toDoubleArray(), expected.name(i) + " differs");
    }
}
