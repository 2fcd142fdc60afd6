package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.lbfgs.Lbfgs;
import dev.pearl.hf.lbfgs.LbfgsOptions;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.sgd.Adam;
import dev.pearl.hf.sgd.AdamOptions;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baselines' minibatches on sharded data: hashed chunks that partition each pass, whatever the shards. */
class ShardedMinibatchesTest {
    private static final SmallNet NET = SmallNet.DEFAULT;
    private static final int CASES = 700, BATCH = 100;
    // Different shard counts add the same float64 terms in another order: a few ulps per term.
    private static final double REORDER_TOLERANCE = 1e-12;

    private static ShardedData sharded(Batch data, Params like, int shards) {
        Problem problem = NET.build();
        return new ShardedData(new LocalShards(problem, data, like, shards, 2), problem.weightCost(), 1, 17);
    }

    @Test
    void eachPassCutsEveryCaseIntoExactlyOneMinibatch() {
        Batch data = NET.data(CASES, DType.FLOAT64, 1);
        Params like = NET.init(DType.FLOAT64, 2);
        try (ShardedData d = sharded(data, like, 3)) {
            MinibatchData batches = d.minibatches(BATCH, 5);
            assertEquals(7, batches.perEpoch());
            List<List<Integer>> passes = new ArrayList<>();
            for (int epoch = 0; epoch < 2; epoch++) {
                int[] seen = new int[CASES];
                long offset = 0;
                List<Integer> sizes = new ArrayList<>();
                for (int k = 0; k < 7; k++) {
                    MinibatchData.Minibatch m = batches.at(epoch * 7L + k);
                    CaseSelection sel = (CaseSelection) m.cases();
                    assertEquals(epoch, m.epoch());
                    assertEquals(offset, m.offset(), "offset of minibatch " + k);
                    assertEquals(sel.count(0, CASES), m.size());
                    // Binomial(700, 1/7): mean 100, standard deviation 9.3.
                    assertTrue(m.size() > 50 && m.size() < 150, "minibatch " + k + " holds " + m.size() + " cases");
                    for (int i = 0; i < CASES; i++) if (sel.contains(i)) seen[i]++;
                    offset += m.size();
                    sizes.add(m.size());
                }
                assertEquals(CASES, offset);
                for (int i = 0; i < CASES; i++) assertEquals(1, seen[i], "pass " + epoch + ": case " + i);
                passes.add(sizes);
            }
            assertNotEquals(passes.get(0), passes.get(1), "each pass should draw its own chunks");
            // The order follows from the index alone: a fresh cut (a resumed run) names the same cases.
            assertEquals(batches.at(9), d.minibatches(BATCH, 5).at(9));
        }
    }

    @Test
    void aMinibatchGradientIsTheGradientOnExactlyItsCases() {
        Batch data = NET.data(CASES, DType.FLOAT64, 3);
        Params theta = NET.init(DType.FLOAT64, 4);
        Problem problem = NET.build();
        for (int shards : new int[]{1, 4}) {
            try (ShardedData d = sharded(data, theta, shards)) {
                MinibatchData batches = d.minibatches(BATCH, 8);
                MinibatchData.Minibatch m = batches.at(10);
                CaseSelection sel = (CaseSelection) m.cases();
                Gradient expected = problem.gradient(theta, data.rows(IntStream.range(0, CASES).filter(sel::contains).toArray()));
                Gradient actual = batches.gradient(theta, m);
                assertEquals(expected.objective(), actual.objective(), REORDER_TOLERANCE * expected.objective(), shards + " shards: objective");
                assertTrue(expected.gradient().sub(actual.gradient()).norm() <= 10 * REORDER_TOLERANCE * expected.gradient().norm(),
                        shards + " shards: gradient off by " + expected.gradient().sub(actual.gradient()).norm());
            }
        }
    }

    @Test
    void adamOnTwoOrFiveShardsFollowsTheSamePath() {
        Batch data = NET.data(CASES, DType.FLOAT64, 5);
        Params start = NET.init(DType.FLOAT64, 6);
        List<Params> ends = new ArrayList<>();
        for (int shards : new int[]{2, 5}) {
            try (ShardedData d = sharded(data, start, shards)) {
                Adam adam = new Adam(d, AdamOptions.defaults().withBatchSize(BATCH).withLearningRate(1e-2).withSeed(9));
                ends.add(TrainingLoop.run(adam, adam.start(start), StopCondition.afterIterations(10), TrainingListener.none()).parameters());
            }
        }
        assertTrue(ends.get(0).sub(start).norm() > 0.01, "Adam should move θ");
        assertTrue(ends.get(0).sub(ends.get(1)).norm() <= 1e-10 * ends.get(0).norm(), "2 and 5 shards end apart by " + ends.get(0).sub(ends.get(1)).norm());
    }

    @Test
    void wholeSetLbfgsOnOneShardRunsExactlyAsInProcess() {
        Batch data = NET.data(CASES, DType.FLOAT64, 7);
        Params start = NET.init(DType.FLOAT64, 8);
        LbfgsOptions options = LbfgsOptions.defaults().withSeed(2);
        Lbfgs plain = new Lbfgs(NET.build(), data, options);
        Params expected = TrainingLoop.run(plain, plain.start(start), StopCondition.afterIterations(4), TrainingListener.none()).parameters();
        try (ShardedData d = sharded(data, start, 1)) {
            Lbfgs lbfgs = new Lbfgs(d, options);
            Params actual = TrainingLoop.run(lbfgs, lbfgs.start(start), StopCondition.afterIterations(4), TrainingListener.none()).parameters();
            assertTrue(expected.sub(start).norm() > 0.01, "L-BFGS should move θ");
            ShardedDataTest.assertBitwiseEqual(expected, actual);
        }
    }

    @Test
    void batchesTooSmallToHashAreRefusedInOneLine() {
        Batch data = NET.data(CASES, DType.FLOAT64, 1);
        try (ShardedData d = sharded(data, NET.init(DType.FLOAT64, 2), 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.minibatches(10, 1));
            assertTrue(e.getMessage().contains(">= 64") && e.getMessage().contains("got 10"), e.getMessage());
            assertEquals(1, d.minibatches(CASES + 1, 1).perEpoch(), "a batch of at least the set is the whole set");
        }
    }
}
