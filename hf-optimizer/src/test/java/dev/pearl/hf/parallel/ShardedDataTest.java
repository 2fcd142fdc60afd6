package dev.pearl.hf.parallel;

import dev.pearl.Params;
import dev.pearl.hf.BatchPlan;
import dev.pearl.hf.HessianFree;
import dev.pearl.hf.HfOptions;
import dev.pearl.hf.HfState;
import dev.pearl.hf.curvature.Curvature;
import dev.pearl.hf.precondition.Preconditioner;
import dev.pearl.hf.problem.Batch;
import dev.pearl.hf.problem.Gradient;
import dev.pearl.hf.problem.Problem;
import dev.pearl.hf.train.StopCondition;
import dev.pearl.hf.train.TrainingListener;
import dev.pearl.hf.train.TrainingLoop;
import dev.pearl.tensor.DType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardedDataTest {
    private static final SmallNet NET = SmallNet.DEFAULT;
    private static final int CASES = 203;
    // Different shard counts add the same float64 terms in another order: a few ulps per term.
    private static final double REORDER_TOLERANCE = 1e-12;

    private static ShardedData sharded(Batch data, Params like, int shards, int chunks) {
        Problem problem = NET.build();
        return new ShardedData(new LocalShards(problem, data, like, shards, 2), problem.weightCost(), chunks, 17);
    }

    @Test
    void sumsOverShardsAreTheAverageOverTheSelectedCases() {
        Batch data = NET.data(CASES, DType.FLOAT64, 1);
        Params theta = NET.init(DType.FLOAT64, 2);
        Params v = NET.init(DType.FLOAT64, 3);
        Problem problem = NET.build();
        CaseSelection chunk = new CaseSelection(1, 3, 17);
        int[] rows = IntStream.range(0, CASES).filter(chunk::contains).toArray();
        Batch chunkCases = data.rows(rows);
        Gradient expected = problem.gradient(theta, data);
        Params expectedProduct = Curvature.gaussNewton().at(problem, theta, chunkCases).apply(v);
        double expectedChunkObjective = problem.objective(theta, chunkCases);

        for (int shards : new int[]{1, 4, 7}) {
            try (ShardedData d = sharded(data, theta, shards, 3)) {
                Gradient g = d.gradient(theta, CaseSelection.ALL);
                assertEquals(expected.loss(), g.loss(), REORDER_TOLERANCE * Math.abs(expected.loss()), shards + " shards: loss");
                assertClose(expected.gradient(), g.gradient(), shards + " shards: gradient");
                assertEquals(expectedChunkObjective, d.objective(theta, chunk), REORDER_TOLERANCE * expectedChunkObjective, shards + " shards: chunk objective");
                assertClose(expectedProduct, d.curvature(Curvature.gaussNewton(), theta, chunk, 0).apply(v), shards + " shards: Gauss-Newton product");
            }
        }
    }

    @Test
    void hashedCurvatureChunksPartitionTheCasesWhateverTheShards() {
        int chunks = 4;
        int[] seen = new int[CASES];
        for (int c = 0; c < chunks; c++) {
            CaseSelection sel = new CaseSelection(c, chunks, 9);
            for (int i = 0; i < CASES; i++) if (sel.contains(i)) seen[i]++;
            // A shard cut anywhere counts the same cases as the whole set.
            assertEquals(sel.count(0, CASES), sel.count(0, 50) + sel.count(50, 100) + sel.count(150, CASES - 150));
            assertTrue(sel.count(0, CASES) > CASES / chunks / 2, "chunk " + c + " is far too small: " + sel.count(0, CASES));
        }
        for (int i = 0; i < CASES; i++) assertEquals(1, seen[i], "case " + i + " must be in exactly one chunk");
    }

    @Test
    void oneShardRunsExactlyAsTheInProcessPath() {
        Batch data = NET.data(CASES, DType.FLOAT64, 4);
        Params start = NET.init(DType.FLOAT64, 5);
        HfOptions options = HfOptions.martens().withSeed(11);
        HessianFree plain = new HessianFree(NET.build(), BatchPlan.of(data).withCurvatureChunks(1), options);
        HfState expected = TrainingLoop.run(plain, plain.start(start), StopCondition.afterIterations(3), TrainingListener.none());
        try (ShardedData d = sharded(data, start, 1, 1)) {
            HessianFree hf = new HessianFree(d, options);
            HfState actual = TrainingLoop.run(hf, hf.start(start), StopCondition.afterIterations(3), TrainingListener.none());
            assertBitwiseEqual(expected.parameters(), actual.parameters());
            assertEquals(expected.lambda(), actual.lambda());
        }
    }

    @Test
    void hfOnDifferentShardCountsFollowsTheSamePath() {
        Batch data = NET.data(CASES, DType.FLOAT64, 6);
        Params start = NET.init(DType.FLOAT64, 7);
        HfOptions options = HfOptions.martens().withSeed(3).withPreconditioner(Preconditioner.none());
        List<Params> ends = new ArrayList<>();
        for (int shards : new int[]{2, 5}) {
            try (ShardedData d = sharded(data, start, shards, 4)) {
                HessianFree hf = new HessianFree(d, options);
                ends.add(TrainingLoop.run(hf, hf.start(start), StopCondition.afterIterations(3), TrainingListener.none()).parameters());
            }
        }
        assertTrue(ends.get(0).sub(start).norm() > 0.1, "HF should move θ");
        // Reordered sums differ in the last bits; three CG solves amplify that only mildly.
        assertTrue(ends.get(0).sub(ends.get(1)).norm() <= 1e-8 * ends.get(0).norm(),
                "2 and 5 shards end apart by " + ends.get(0).sub(ends.get(1)).norm());
    }

    private static ShardedData stochastic(Batch data, Params like, int shards, int gradientBatch, int curvatureBatch) {
        Problem problem = NET.build();
        return ShardedData.stochastic(new LocalShards(problem, data, like, shards, 2), problem.weightCost(), gradientBatch, curvatureBatch, 17);
    }

    @Test
    void stochasticPlanCutsGradientChunksAndNestsCurvatureChunksInThem() {
        int cases = 600;
        Batch data = NET.data(cases, DType.FLOAT64, 12);
        try (ShardedData d = stochastic(data, NET.init(DType.FLOAT64, 13), 3, 150, 64)) {
            int k = 4; // round(600 / 150) gradient chunks, each cut into round(150 / 64) = 2 curvature chunks
            assertEquals(2, d.curvatureChunks());
            int[] seen = new int[cases];
            for (int it = 0; it < k; it++) {
                StepCases step = d.at(it, it);
                CaseSelection g = (CaseSelection) step.gradient(), c = (CaseSelection) step.curvature();
                assertEquals(g, step.lineSearch(), "the line search runs on the step's gradient chunk");
                int inChunk = 0, inCurvature = 0;
                for (int i = 0; i < cases; i++) {
                    if (g.contains(i)) { seen[i]++; inChunk++; }
                    if (c.contains(i)) {
                        assertTrue(g.contains(i), "case " + i + " is in the curvature cases of step " + it + " but not in its gradient chunk");
                        inCurvature++;
                    }
                }
                assertTrue(inChunk > 150 / 2 && inChunk < 150 * 2, "gradient chunk of step " + it + " holds " + inChunk);
                assertTrue(inCurvature > 0 && inCurvature < inChunk, "curvature cases of step " + it + ": " + inCurvature + " of " + inChunk);
            }
            for (int i = 0; i < cases; i++) assertEquals(1, seen[i], "a pass's gradient chunks must hold case " + i + " exactly once");
            // The next pass takes the same gradient chunks, each with its other curvature chunk (HF's counter is i mod m).
            assertEquals(d.at(0, 0).gradient(), d.at(k, k % 2).gradient());
            assertTrue(!d.at(0, 0).curvature().equals(d.at(k, k % 2).curvature()), "the curvature chunk should move on with the pass");
        }
    }

    @Test
    void stochasticStepsEvaluateExactlyTheirChunks() {
        int cases = 400;
        Batch data = NET.data(cases, DType.FLOAT64, 14);
        Params theta = NET.init(DType.FLOAT64, 15), v = NET.init(DType.FLOAT64, 16);
        Problem problem = NET.build();
        try (ShardedData d = stochastic(data, theta, 3, 100, 64)) {
            StepCases step = d.at(2, 0);
            CaseSelection g = (CaseSelection) step.gradient(), c = (CaseSelection) step.curvature();
            Batch chunk = data.rows(IntStream.range(0, cases).filter(g::contains).toArray());
            Batch curvatureCases = data.rows(IntStream.range(0, cases).filter(c::contains).toArray());
            Gradient expected = problem.gradient(theta, chunk);
            Gradient actual = d.gradient(theta, g);
            assertEquals(expected.objective(), actual.objective(), REORDER_TOLERANCE * expected.objective());
            assertClose(expected.gradient(), actual.gradient(), "gradient on the step's chunk");
            assertClose(Curvature.gaussNewton().at(problem, theta, curvatureCases).apply(v),
                    d.curvature(Curvature.gaussNewton(), theta, c, 0).apply(v), "Gauss-Newton product on the step's curvature cases");
        }
    }

    @Test
    void stochasticHfOnDifferentShardCountsFollowsTheSamePath() {
        Batch data = NET.data(400, DType.FLOAT64, 18);
        Params start = NET.init(DType.FLOAT64, 19);
        HfOptions options = HfOptions.martens().withSeed(3).withPreconditioner(Preconditioner.none());
        List<Params> ends = new ArrayList<>();
        for (int shards : new int[]{1, 4}) {
            try (ShardedData d = stochastic(data, start, shards, 100, 64)) {
                HessianFree hf = new HessianFree(d, options);
                ends.add(TrainingLoop.run(hf, hf.start(start), StopCondition.afterIterations(5), TrainingListener.none()).parameters());
            }
        }
        assertTrue(ends.get(0).sub(start).norm() > 0.1, "HF should move θ");
        assertTrue(ends.get(0).sub(ends.get(1)).norm() <= 1e-8 * ends.get(0).norm(),
                "1 and 4 shards end apart by " + ends.get(0).sub(ends.get(1)).norm());
    }

    @Test
    void stochasticBatchesTooSmallToHashAreRefusedInOneLine() {
        Batch data = NET.data(CASES, DType.FLOAT64, 20);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> stochastic(data, NET.init(DType.FLOAT64, 21), 2, 40, 40));
        assertEquals("sharded HF cuts hashed chunks and needs a gradient batch >= 64 (or all 203 cases), got 40", e.getMessage());
    }

    @Test
    void float32RunsMoveFloatPayloads() {
        Batch data = NET.data(40, DType.FLOAT32, 8);
        Params theta = NET.init(DType.FLOAT32, 9);
        Problem problem = NET.build();
        try (ShardedData d = sharded(data, theta, 1, 1)) {
            Gradient g = d.gradient(theta, CaseSelection.ALL);
            assertEquals(DType.FLOAT32, g.gradient().get(0).dtype());
            assertBitwiseEqual(problem.gradient(theta, data).gradient(), g.gradient());
        }
    }

    static void assertBitwiseEqual(Params expected, Params actual) {
        for (int i = 0; i < expected.size(); i++)
            assertArrayEquals(expected.get(i).toDoubleArray(), actual.get(i).toDoubleArray(), expected.name(i));
    }

    private static void assertClose(Params expected, Params actual, String what) {
        double scale = expected.norm();
        assertTrue(expected.sub(actual).norm() <= REORDER_TOLERANCE * 10 * scale,
                what + ": off by " + expected.sub(actual).norm() + " of " + scale);
    }

}
