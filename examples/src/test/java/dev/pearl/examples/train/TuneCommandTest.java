package dev.pearl.examples.train;

import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.MetricsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pearl tune} end to end on 200 tiny CURVES images, trials of two measurements (so that no result depends on the machine's speed). */
class TuneCommandTest {
    @TempDir
    Path dir;

    private static TrainRun tune(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("tune", "--train-size", "200", "--test-size", "100", "--dtype", "float32",
                "--layers", "784,32,6,32,784", "--threads", "1", "--updates-per-iteration", "20", "--out", out.toString()));
        args.addAll(List.of(options));
        return TrainRun.pearl(args.toArray(String[]::new));
    }

    @Test
    void scoresEachTrialAtItsBudgetCountsADivergedOneAsInfiniteAndChoosesTheBestInside() throws Exception {
        // SGD at 1e-6 hardly moves, at 0.1 learns, and at 1e38 overflows float32 in its first step: inf weights, NaN errors.
        TrainRun run = tune(dir, "--optimizers", "sgd", "--budget", "600", "--max-iterations", "2", "--grid", "learning-rate=1e-6,0.1,1e38",
                "--grid", "momentum=0.9");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        SettingsFile file = SettingsFile.read(dir.resolve("sgd.properties"));
        assertEquals(3, file.trials().size());
        SettingsFile.Trial slow = file.trials().get(0), good = file.trials().get(1), diverged = file.trials().get(2);
        assertEquals("--learning-rate 1e-6 --momentum 0.9", slow.flags());
        assertTrue(diverged.status().startsWith("diverged: train error NaN"), diverged.status());
        assertEquals(Double.POSITIVE_INFINITY, diverged.trainError());
        assertTrue(run.out().contains("diverged") && run.out().contains("scores inf"), run.out());
        assertTrue(good.trainError() < slow.trainError(), good + " vs " + slow);
        assertEquals(good.flags(), file.chosen());
        assertTrue(file.hasChoice());
        assertEquals("curves", file.dataset());
        assertEquals("784-32-6-32-784", file.layers());
        assertEquals(200, file.trainSize());
        assertEquals(100, file.seed());
        // The score is the run's own last measurement, and the diverged run stopped early.
        MetricsTable goodRun = MetricsTable.read(dir.resolve("sgd/trial-02").resolve(MetricsCsv.FILE_NAME));
        assertEquals(good.trainError(), goodRun.column("train_error")[goodRun.rowCount() - 1]);
        assertEquals(good.seconds(), goodRun.column("elapsed_s")[goodRun.rowCount() - 1]);
        assertTrue(Files.readString(dir.resolve("sgd-grid.md")).contains("| 2 | `--learning-rate 0.1 --momentum 0.9` |"));
        assertTrue(Files.notExists(dir.resolve("warm-up")), "the warm-up run is deleted");

        // The chosen settings train a new run on another seed.
        TrainRun trained = TrainRun.train(dir.resolve("trained"), "--settings", dir.resolve("sgd.properties").toString(), "--max-iterations", "1");
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("learning rate 0.1"), trained.out());
    }

    @Test
    void aRunWhoseErrorIsNoLongerFiniteStopsThere() throws Exception {
        TrainRun run = TrainRun.pearl("train", "--train-size", "200", "--test-size", "100", "--dtype", "float32", "--layers", "784,32,6,32,784",
                "--threads", "1", "--optimizer", "sgd", "--learning-rate", "1e38", "--updates-per-iteration", "1", "--max-iterations", "5",
                "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        MetricsTable metrics = MetricsTable.read(dir.resolve(MetricsCsv.FILE_NAME));
        double[] train = metrics.column("train_error");
        assertEquals(2, train.length, "the start and the first step, whose error is NaN: " + java.util.Arrays.toString(train));
        assertTrue(Double.isFinite(train[0]) && Double.isNaN(train[1]), java.util.Arrays.toString(train));
        assertTrue(run.out().contains("stopped early: the train error is no longer finite"), run.out());
    }

    @Test
    void aWinnerOnTheEdgeIsRefusedInOneLineAndTheGridIsStillWritten() throws Exception {
        TrainRun run = tune(dir, "--optimizers", "sgd", "--budget", "600", "--max-iterations", "2", "--grid", "learning-rate=1e-7,3e-7,0.1",
                "--grid", "momentum=0.9");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        String err = run.err().replaceAll("(?m)^WARNING.*\\R", "").strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("--learning-rate 0.1 on the grid's upper edge") && err.contains("--grid learning-rate=1e-7,3e-7,0.1,0.3,1"), err);
        SettingsFile file = SettingsFile.read(dir.resolve("sgd.properties"));
        assertTrue(!file.hasChoice() && file.refused().contains("upper edge"), file.refused());
        assertEquals(3, file.trials().size());
    }

    @Test
    void aGridFlagNoListedOptimizerTakesIsRefusedBeforeAnyRun() {
        TrainRun run = tune(dir, "--optimizers", "adam", "--grid", "max-momentum=0.9,0.99");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("none of adam takes --max-momentum"), run.err());
        assertTrue(Files.notExists(dir.resolve("adam")));
    }
}
