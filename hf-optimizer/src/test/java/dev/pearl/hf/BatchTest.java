package dev.pearl.hf;

import dev.pearl.hf.problem.Batch;
import dev.pearl.tensor.DType;
import dev.pearl.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchTest {
    /** Case n has inputs (n, 10n) and target −n. */
    private static Batch numbered(int cases) {
        double[] x = new double[2 * cases], y = new double[cases];
        for (int n = 0; n < cases; n++) {
            x[2 * n] = n;
            x[2 * n + 1] = 10 * n;
            y[n] = -n;
        }
        return Batch.of(Tensor.of(x, cases, 2), Tensor.of(y, cases, 1));
    }

    @Test
    void chunksCoverEveryCaseOnceWithSizesWithinOne() {
        Batch all = numbered(10);
        int seen = 0;
        for (int c = 0; c < 3; c++) {
            Batch chunk = all.chunk(c, 3);
            assertTrue(chunk.size() == 3 || chunk.size() == 4);
            double[] targets = chunk.targets().toDoubleArray();
            for (double t : targets) assertEquals(-seen++, t);
        }
        assertEquals(10, seen);
    }

    @Test
    void rowsGatherInputsAndTargetsTogether() {
        Batch picked = numbered(5).rows(new int[]{4, 0, 2});
        assertArrayEquals(new double[]{4, 40, 0, 0, 2, 20}, picked.inputs().toDoubleArray());
        assertArrayEquals(new double[]{-4, 0, -2}, picked.targets().toDoubleArray());
    }

    @Test
    void autoencoderBatchesKeepInputsAndTargetsShared() {
        Tensor x = Tensor.randomNormal(1, DType.FLOAT32, 6, 3);
        Batch b = Batch.of(x, x);
        Batch slice = b.slice(1, 4);
        assertSame(slice.inputs(), slice.targets());
        Batch rows = b.rows(new int[]{5, 1});
        assertSame(rows.inputs(), rows.targets());
        assertEquals(DType.FLOAT32, rows.inputs().dtype());
    }

    @Test
    void noDataIsOneCaseThatSlicesToItself() {
        assertEquals(1, Batch.none().size());
        assertSame(Batch.none(), Batch.none().slice(0, 1));
        assertSame(Batch.none(), Batch.none().chunk(0, 1));
        assertThrows(IllegalStateException.class, () -> Batch.none().inputs());
    }

    @Test
    void badInputsAreExplained() {
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> Batch.of(Tensor.zeros(DType.FLOAT64, 4, 2), Tensor.zeros(DType.FLOAT64, 3, 2)));
        assertTrue(mismatch.getMessage().contains("4 cases") && mismatch.getMessage().contains("3"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> numbered(5).slice(3, 3));
        assertThrows(IllegalArgumentException.class, () -> numbered(5).chunk(0, 6));
        assertThrows(IllegalArgumentException.class, () -> numbered(5).rows(new int[]{5}));
    }

    @Test
    void planCyclesCurvatureChunksAndDefaultsToTheWholeSetElsewhere() {
        Batch all = numbered(20);
        BatchPlan plan = BatchPlan.of(all);
        assertEquals(4, plan.curvatureChunks());
        for (int iteration : new int[]{0, 7}) {
            assertSame(all, plan.at(iteration, 1).gradient());
            assertSame(all, plan.at(iteration, 1).lineSearch());
        }
        assertArrayEquals(new double[]{-5, -6, -7, -8, -9}, plan.at(3, 1).curvature().targets().toDoubleArray());
        assertArrayEquals(plan.at(0, 1).curvature().targets().toDoubleArray(), plan.at(0, 5).curvature().targets().toDoubleArray());
        assertEquals(2, BatchPlan.of(all).withCurvatureChunkSize(10).curvatureChunks());
        assertEquals(1, BatchPlan.of(Batch.none()).curvatureChunks());
        assertThrows(IllegalArgumentException.class, () -> plan.withCurvatureChunks(21));
    }

    @Test
    void stochasticPlanCutsCurvatureFromEachGradientChunkAndSearchesOnIt() {
        Batch all = numbered(20);
        BatchPlan plan = BatchPlan.stochastic(all, 10, 5);
        assertTrue(plan.isStochastic());
        assertEquals(2, plan.gradientChunks());
        assertEquals(2, plan.curvatureChunks());
        for (int iteration = 0; iteration < 4; iteration++) {
            BatchPlan.Batches b = plan.at(iteration, iteration);
            double[] gradientCases = b.gradient().targets().toDoubleArray();
            assertEquals(10, gradientCases.length);
            assertEquals(-10 * (iteration % 2), gradientCases[0]);
            assertSame(b.gradient(), b.lineSearch());
            double[] curvatureCases = b.curvature().targets().toDoubleArray();
            assertEquals(5, curvatureCases.length);
            List<Double> inGradient = new ArrayList<>();
            for (double v : gradientCases) inGradient.add(v);
            for (double v : curvatureCases) assertTrue(inGradient.contains(v), v + " is not in the step's gradient batch");
        }
        assertThrows(IllegalStateException.class, () -> plan.withLineSearch(all));
        assertThrows(IllegalStateException.class, () -> plan.withCurvatureChunkSize(2));
    }

    /** Whatever k and m, each gradient chunk meets each of its sub-chunks once in m passes (HF's counter advances every step). */
    @Test
    void everyGradientChunkMeetsEachOfItsCurvatureSubChunks() {
        for (int[] km : new int[][]{{3, 2}, {2, 3}, {1, 2}, {4, 5}, {4, 2}, {20, 4}}) {
            int k = km[0], m = km[1];
            for (int j = 0; j < k; j++) {
                Set<Integer> met = new HashSet<>();
                for (int pass = 0; pass < m; pass++) met.add(BatchPlan.stochasticSubChunk(j + pass * k, k, m));
                assertEquals(m, met.size(), "k = " + k + ", m = " + m + ": gradient chunk " + j + " met only sub-chunks " + met);
            }
        }
    }

    @Test
    void stochasticPlanCoversTheSetOncePerPassAndEveryCaseServesTheCurvature() {
        // Chunk counts with a common factor (4 gradient chunks, 2 sub-chunks): the sub-chunk must still move on.
        Batch all = numbered(20);
        BatchPlan plan = BatchPlan.stochastic(all, 5, 3);
        assertEquals(4, plan.gradientChunks());
        assertEquals(2, plan.curvatureChunks());
        List<Double> gradientCases = new ArrayList<>();
        Set<Double> curvatureCases = new HashSet<>();
        for (int step = 0; step < 8; step++) {
            BatchPlan.Batches b = plan.at(step, step % plan.curvatureChunks());
            if (step < 4) for (double v : b.gradient().targets().toDoubleArray()) gradientCases.add(v);
            for (double v : b.curvature().targets().toDoubleArray()) curvatureCases.add(v);
        }
        List<Double> expected = new ArrayList<>();
        for (double v : all.targets().toDoubleArray()) expected.add(v);
        assertEquals(expected, gradientCases);
        assertEquals(20, curvatureCases.size(), "cases seen by the curvature in two passes: " + curvatureCases);
        assertEquals(3, BatchPlan.chunkCount(20, 7));
        assertEquals(1, BatchPlan.chunkCount(20, 100));
        assertThrows(IllegalArgumentException.class, () -> BatchPlan.chunkCount(20, 0));
    }
}
