package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.MetricsTable;
import dev.pearl.tensor.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping a run and resuming it from its checkpoint gives what an uninterrupted run gives. */
class ResumeTest {
    /** Columns that depend only on the computation, not on timing. */
    private static final List<String> DETERMINED = List.of("iteration", "train_loss", "train_error", "test_error", "lambda", "rho",
            "cg_iterations", "gv_products", "backtrack_iterate", "step", "batch_objective", "updates", "epochs");

    @TempDir
    Path tmp;

    @Test
    void hfResumedAfterTwoIterationsEqualsThreeUninterruptedOnes() throws IOException {
        Path straight = tmp.resolve("straight"), split = tmp.resolve("split");
        assertEquals(0, TrainRun.train(straight, "--max-iterations", "3").exitCode());
        assertEquals(0, TrainRun.train(split, "--max-iterations", "2").exitCode());
        TrainRun resumed = TrainRun.pearl("train", "--resume", split.toString(), "--max-iterations", "3");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming " + split + " after iteration 2"), resumed.out());
        assertSameRun(straight, split);
    }

    @Test
    void stochasticHfResumedAfterTwoRoundsEqualsAnUninterruptedRun() throws IOException {
        // Gradient batches of 50 of the 200 cases: one row per pass, four HF steps; curvature on sub-chunks of 10 that move on
        // with every pass. The resumed run must pick up at the right batch and sub-chunk.
        Path straight = tmp.resolve("straight"), split = tmp.resolve("split");
        String[] stochastic = {"--gradient-batch", "50", "--curvature-batch", "10", "--cg-max-iterations", "5"};
        TrainRun first = TrainRun.train(straight, concat(stochastic, "--max-iterations", "3"));
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("batches of 50 images taken in turn, curvature and rho on 10 of them"), first.out());
        assertEquals(0, TrainRun.train(split, concat(stochastic, "--max-iterations", "2")).exitCode());
        assertEquals(0, TrainRun.pearl("train", "--resume", split.toString(), "--max-iterations", "3").exitCode());
        assertSameRun(straight, split);
        MetricsTable table = MetricsTable.read(straight.resolve(MetricsCsv.FILE_NAME));
        assertArrayEquals(new double[]{0, 4, 8, 12}, table.column("updates"));
        for (double cg : table.column("cg_iterations")) assertTrue(cg <= 4 * 5, "CG took " + cg + " steps in 4 HF steps of at most 5");
    }

    @Test
    void sgdResumedAfterTwoRoundsEqualsThreeUninterruptedOnes() throws IOException {
        Path straight = tmp.resolve("straight"), split = tmp.resolve("split");
        String[] sgd = {"--optimizer", "sgd", "--updates-per-iteration", "3", "--batch-size", "64"};
        assertEquals(0, TrainRun.train(straight, concat(sgd, "--max-iterations", "3")).exitCode());
        assertEquals(0, TrainRun.train(split, concat(sgd, "--max-iterations", "2")).exitCode());
        assertEquals(0, TrainRun.pearl("train", "--resume", split.toString(), "--max-iterations", "3").exitCode());
        assertSameRun(straight, split);
    }

    /** Options that make each baseline's split land inside a pass, and L-BFGS's inside a batch, so that saved moments, velocity or history matter. */
    static String[] baseline(String optimizer) {
        return optimizer.equals("lbfgs")
                ? new String[]{"--optimizer", "lbfgs", "--updates-per-iteration", "3", "--batch-size", "80", "--steps-per-batch", "4", "--history", "3"}
                : new String[]{"--optimizer", optimizer, "--updates-per-iteration", "3", "--batch-size", "64"};
    }

    @ParameterizedTest
    @ValueSource(strings = {"nesterov", "adam", "rmsprop", "lbfgs"})
    void everyBaselineResumedAfterTwoRoundsEqualsThreeUninterruptedOnes(String optimizer) throws IOException {
        Path straight = tmp.resolve("straight"), split = tmp.resolve("split");
        TrainRun first = TrainRun.train(straight, concat(baseline(optimizer), "--max-iterations", "3"));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(0, TrainRun.train(split, concat(baseline(optimizer), "--max-iterations", "2")).exitCode());
        TrainRun resumed = TrainRun.pearl("train", "--resume", split.toString(), "--max-iterations", "3");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertSameRun(straight, split);
    }

    @Test
    void rowsWrittenAfterTheCheckpointAreDroppedOnResume() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, TrainRun.train(run, "--max-iterations", "2").exitCode());
        // As if the run died after writing the row of iteration 3 but before its checkpoint.
        Files.writeString(run.resolve(MetricsCsv.FILE_NAME), "3,99.0,1,1,1,1,1,1" + ",".repeat(Trainer.EXTRA_COLUMNS.size()) + "\n",
                StandardOpenOption.APPEND);
        assertEquals(0, TrainRun.pearl("train", "--resume", run.toString(), "--max-iterations", "3").exitCode());
        double[] iterations = MetricsTable.read(run.resolve(MetricsCsv.FILE_NAME)).column("iteration");
        assertArrayEquals(new double[]{0, 1, 2, 3}, iterations);
        assertTrue(MetricsTable.read(run.resolve(MetricsCsv.FILE_NAME)).column("elapsed_s")[3] < 99);
    }

    @Test
    void resumingAFinishedRunWithoutNewLimitsSaysHowToExtendIt() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, TrainRun.train(run, "--max-iterations", "1").exitCode());
        TrainRun again = TrainRun.pearl("train", "--resume", run.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("already reached its limit"), again.out());
        assertEquals(2, MetricsTable.read(run.resolve(MetricsCsv.FILE_NAME)).rowCount(), "nothing was trained");
    }

    @Test
    void resumingWithADifferentSettingIsRefusedWithoutTouchingTheRun() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, TrainRun.train(run, "--max-iterations", "1").exitCode());
        byte[] before = Files.readAllBytes(run.resolve(Checkpoint.FILE_NAME));
        TrainRun conflicting = TrainRun.pearl("train", "--resume", run.toString(), "--seed", "7", "--dtype", "float64",
                "--min-damping", "0.01", "--max-iterations", "2");
        assertEquals(1, conflicting.exitCode());
        assertOneLine(conflicting.err());
        assertTrue(conflicting.err().contains("--seed 7 (the run has 1)"), conflicting.err());
        assertTrue(conflicting.err().contains("--min-damping 0.01 (the run has 0.0)"), conflicting.err());
        assertTrue(!conflicting.err().contains("--dtype"), "an option that agrees with the run is no conflict: " + conflicting.err());
        assertArrayEquals(before, Files.readAllBytes(run.resolve(Checkpoint.FILE_NAME)));
    }

    @Test
    void checkpointsOfOlderBuildsResumeExactlyOrAreRefusedInOneLine() throws IOException {
        // HF with the whole-set gradient, from before rounds and damping options: no step count
        // stored (one step per iteration), λ0 = 45 and no floor.
        Path straight = tmp.resolve("straight"), split = tmp.resolve("split");
        assertEquals(0, TrainRun.train(straight, "--max-iterations", "3").exitCode());
        assertEquals(0, TrainRun.train(split, "--max-iterations", "2").exitCode());
        removeMetadata(split, "hf.steps");
        removeMetadata(split, "config.initial_damping");
        removeMetadata(split, "config.minimum_damping");
        TrainRun resumed = TrainRun.pearl("train", "--resume", split.toString(), "--max-iterations", "3");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertSameRun(straight, split);

        // Stochastic HF whose batches were chosen by an older scheme: it cannot continue exactly.
        Path old = tmp.resolve("old");
        assertEquals(0, TrainRun.train(old, "--gradient-batch", "50", "--max-iterations", "1").exitCode());
        removeMetadata(old, "config.stochastic_hf_scheme");
        TrainRun refused = TrainRun.pearl("train", "--resume", old.toString(), "--max-iterations", "2");
        assertEquals(1, refused.exitCode());
        assertOneLine(refused.err());
        assertTrue(refused.err().contains("written by an older pearl"), refused.err());

        // Scheme 2 took the curvature sub-chunk from a counter: the same batches with one sub-chunk per gradient batch, not with two.
        Path one = tmp.resolve("scheme2-one-chunk"), two = tmp.resolve("scheme2-two-chunks");
        assertEquals(0, TrainRun.train(one, "--gradient-batch", "50", "--max-iterations", "1").exitCode());
        assertEquals(0, TrainRun.train(two, "--gradient-batch", "50", "--curvature-batch", "25", "--max-iterations", "1").exitCode());
        setMetadata(one, "config.stochastic_hf_scheme", "2");
        setMetadata(two, "config.stochastic_hf_scheme", "2");
        TrainRun continued = TrainRun.pearl("train", "--resume", one.toString(), "--max-iterations", "2");
        assertEquals(0, continued.exitCode(), continued.err());
        TrainRun refusedTwo = TrainRun.pearl("train", "--resume", two.toString(), "--max-iterations", "2");
        assertEquals(1, refusedTwo.exitCode());
        assertTrue(refusedTwo.err().contains("written by an older pearl"), refusedTwo.err());
    }

    private static void setMetadata(Path run, String key, String value) throws IOException {
        Path file = run.resolve(Checkpoint.FILE_NAME);
        Checkpoint c = Checkpoint.read(file, Backends.cpu(1));
        Map<String, String> metadata = new LinkedHashMap<>(c.metadata());
        assertTrue(metadata.put(key, value) != null, key + " was not in the checkpoint");
        new Checkpoint(c.tensors(), metadata).write(file);
    }

    private static void removeMetadata(Path run, String key) throws IOException {
        Path file = run.resolve(Checkpoint.FILE_NAME);
        Checkpoint c = Checkpoint.read(file, Backends.cpu(1));
        Map<String, String> metadata = new LinkedHashMap<>(c.metadata());
        assertTrue(metadata.remove(key) != null, key + " was not in the checkpoint");
        new Checkpoint(c.tensors(), metadata).write(file);
    }

    static void assertOneLine(String err) {
        assertTrue(err.startsWith("pearl: "), err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
    }

    static void assertSameRun(Path expected, Path actual) throws IOException {
        MetricsTable e = MetricsTable.read(expected.resolve(MetricsCsv.FILE_NAME)), a = MetricsTable.read(actual.resolve(MetricsCsv.FILE_NAME));
        assertEquals(e.rowCount(), a.rowCount());
        for (String column : DETERMINED) assertArrayEquals(e.column(column), a.column(column), column + " differs");

        Checkpoint ce = Checkpoint.read(expected.resolve(Checkpoint.FILE_NAME), Backends.cpu(1));
        Checkpoint ca = Checkpoint.read(actual.resolve(Checkpoint.FILE_NAME), Backends.cpu(1));
        assertEquals(ce.tensors().names(), ca.tensors().names());
        Params te = ce.tensors(), ta = ca.tensors();
        for (int i = 0; i < te.size(); i++)
            assertArrayEquals(te.get(i).toDoubleArray(), ta.get(i).toDoubleArray(), te.name(i) + " differs");
        for (String key : ce.metadata().keySet())
            if (!key.startsWith("run.") || key.equals("run.iteration"))
                assertEquals(ce.metadata().get(key), ca.metadata().get(key), key + " differs");
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
