package dev.pearl.hf;

import dev.pearl.Params;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.sgd.MomentumSchedule;
import dev.pearl.hf.sgd.MomentumSgd;
import dev.pearl.hf.sgd.SgdOptions;
import dev.pearl.hf.sgd.SgdState;
import dev.pearl.hf.lbfgs.Lbfgs;
import dev.pearl.hf.lbfgs.LbfgsOptions;
import dev.pearl.hf.sgd.Adam;
import dev.pearl.hf.sgd.AdamOptions;
import dev.pearl.hf.sgd.RmsProp;
import dev.pearl.hf.sgd.RmsPropOptions;
import dev.pearl.hf.train.Resumable;
import dev.pearl.hf.train.SavedState;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.hf.train.TrainingState;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

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

    @Test
    void everyOptimizerResumesFromItsSavedStateBitForBit() {
        Params start = TinyAutoencoder.init(8);
        long seed = 3;
        // 64 cases in minibatches of 16: stopping after 5 steps lands inside the second epoch.
        assertResumesExactly(() -> new MomentumSgd(TinyAutoencoder.problem(), data,
                SgdOptions.sutskever().withLearningRate(0.3).withBatchSize(16).withSeed(seed)), start, 5, 10);
        assertResumesExactly(() -> new Adam(TinyAutoencoder.problem(), data, AdamOptions.defaults().withBatchSize(16).withSeed(seed)), start, 5, 10);
        assertResumesExactly(() -> new RmsProp(TinyAutoencoder.problem(), data, RmsPropOptions.defaults().withBatchSize(16).withSeed(seed)), start, 5, 10);
        // Batches of 24 for 2 steps each: stopping after 3 steps keeps the cached gradient of batch 1 and a full history of 2.
        assertResumesExactly(() -> new Lbfgs(TinyAutoencoder.problem(), data,
                LbfgsOptions.defaults().withHistory(2).withBatchSize(24).withStepsPerBatch(2).withSeed(seed)), start, 3, 8);
        assertResumesExactly(() -> new HessianFree(TinyAutoencoder.problem(), BatchPlan.stochastic(data, 16, 8),
                HfOptions.martens().withSeed(seed)), start, 3, 6);
    }

    private static <S extends TrainingState> void assertResumesExactly(Supplier<Resumable<S, ?>> optimizer, Params start, int stopAt, int total) {
        Resumable<S, ?> straight = optimizer.get(), first = optimizer.get(), second = optimizer.get();
        S uninterrupted = TrainingLoop.run(straight, straight.start(start), StopCondition.afterIterations(total), TrainingListener.none());
        S half = TrainingLoop.run(first, first.start(start), StopCondition.afterIterations(stopAt), TrainingListener.none());
        S restored = second.restore(copy(half.parameters()), copy(first.save(half)));
        S resumed = TrainingLoop.run(second, restored, StopCondition.afterIterations(total), TrainingListener.none());
        String name = straight.getClass().getSimpleName();
        assertEquals(total, resumed.iteration(), name);
        assertSame(uninterrupted.parameters(), resumed.parameters());
        SavedState expected = straight.save(uninterrupted), actual = second.save(resumed);
        assertEquals(expected.numbers(), actual.numbers(), name + " state");
        assertEquals(expected.groups().keySet(), actual.groups().keySet(), name + " state tensors");
        for (String group : expected.groups().keySet()) assertSame(expected.params(group), actual.params(group));
    }

    /** A deep copy of every number (through its text) and tensor, as a checkpoint file would make. */
    private static SavedState copy(SavedState s) {
        SavedState c = new SavedState();
        s.numbers().forEach((k, v) -> c.putText(k, new String(v.toCharArray())));
        s.groups().forEach((k, v) -> c.putParams(k, copy(v)));
        return c;
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
