package dev.pearl.examples.train;

import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.MetricsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.pearl.examples.train.TrainRun.failing;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pearl train --task NAME}: a tanh RNN on a short addition problem (T = 20), in float64. */
class SequenceTaskTrainTest {
    private static final int TRAIN = 200, TEST = 100;

    @TempDir
    Path tmp;

    private static TrainRun rnn(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--task", "addition", "--length", "20", "--hidden", "8",
                "--train-size", Integer.toString(TRAIN), "--test-size", Integer.toString(TEST), "--dtype", "float64",
                "--threads", "1", "--out", out.toString()));
        args.addAll(Arrays.asList(options));
        return TrainRun.pearl(args.toArray(String[]::new));
    }

    @Test
    void hfLowersTheLossAndWritesTheSolvedFractions() throws IOException {
        Path out = tmp.resolve("hf");
        TrainRun run = rnn(out, "--cg-max-iterations", "20", "--max-iterations", "4");
        assertEquals(0, run.exitCode(), run.err());

        MetricsTable m = MetricsTable.read(out.resolve(MetricsCsv.FILE_NAME));
        assertTrue(m.columns().containsAll(RnnRun.REPORT.measureColumns()), m.columns().toString());
        assertEquals(5, m.rowCount());
        double[] loss = m.column("train_loss"), testLoss = m.column("test_loss");
        assertTrue(loss[4] < 0.5 * loss[0], "HF lowers the training loss clearly in 4 iterations: " + Arrays.toString(loss));
        assertTrue(testLoss[4] < testLoss[0], "and the loss on the fresh test sequences: " + Arrays.toString(testLoss));
        double[] trainError = m.column("train_error"), trainSolved = m.column("train_solved"), testSolved = m.column("test_solved");
        for (int i = 0; i < trainError.length; i++) {
            assertEquals(1, trainError[i] + trainSolved[i], 1e-12, "solved fraction and error add up, row " + i);
            // Every fraction is a whole number of sequences.
            assertEquals(Math.round(trainSolved[i] * TRAIN), trainSolved[i] * TRAIN, 1e-9);
            assertEquals(Math.round(testSolved[i] * TEST), testSolved[i] * TEST, 1e-9);
        }
        assertTrue(m.column("cg_iterations")[1] >= 1, "HF runs CG");
        assertTrue(run.out().contains("train ok") && run.out().contains("test ok"), run.out());
        assertTrue(run.out().contains("tanh RNN 2-8-1 on addition, T = 20"), run.out());
        // Sutskever's released settings, said in the run's announcement: curvature on a tenth of the 200 sequences, λ0 = 0.01, μ = 1/30.
        assertTrue(run.out().contains("HF: gradient on all training sequences, curvature batches of 20 sequences taken in turn, CG at most 20 steps, "
                + "line search on 20, damping from 0.0100, structural damping μ = 0.0333; 1 step per iteration, weight cost 2.00e-05, sparse init"), run.out());
        assertTrue(run.out().contains("defaults: HF, weight cost and init after Martens & Sutskever (2011)"), run.out());
        assertFalse(run.out().contains("image"), "sequences are no images: " + run.out());
        assertTrue(run.out().contains("test solved " + String.format(java.util.Locale.ROOT, "%.2f%%", 100 * testSolved[4])), run.out());
        assertNotNull(ImageIO.read(out.resolve("curves.png").toFile()), "curves.png is a readable image");
    }

    @Test
    void hfResumedAfterTwoIterationsEqualsThreeUninterruptedOnes() throws IOException {
        String[] hf = {"--cg-max-iterations", "10"};
        Path whole = tmp.resolve("whole"), parts = tmp.resolve("parts");
        assertEquals(0, rnn(whole, ResumeTest.concat(hf, "--max-iterations", "3")).exitCode());
        assertEquals(0, rnn(parts, ResumeTest.concat(hf, "--max-iterations", "2")).exitCode());
        assertTrue(failing("train", "--resume", parts.toString(), "--length", "30").err()
                .contains("--length 30 (the run has 20)"), "a resumed run keeps its length");
        assertTrue(failing("train", "--resume", parts.toString(), "--structural-damping", "0").err()
                .contains("--structural-damping 0.0 (the run has 0.03333333333333333)"), "and its structural damping");
        TrainRun resumed = TrainRun.pearl("train", "--resume", parts.toString(), "--max-iterations", "3");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("addition, T = 20"), resumed.out());

        MetricsTable a = MetricsTable.read(whole.resolve(MetricsCsv.FILE_NAME)), b = MetricsTable.read(parts.resolve(MetricsCsv.FILE_NAME));
        assertEquals(4, b.rowCount());
        for (String column : List.of("iteration", "train_loss", "train_error", "test_error", "test_loss", "test_solved", "lambda"))
            assertArrayEquals(a.column(column), b.column(column), column + " differs after resuming");
    }

    @Test
    void adamResumedEqualsUninterrupted() throws IOException {
        String[] adam = {"--optimizer", "adam", "--batch-size", "50", "--updates-per-iteration", "4"};
        Path whole = tmp.resolve("whole"), parts = tmp.resolve("parts");
        assertEquals(0, rnn(whole, ResumeTest.concat(adam, "--max-iterations", "3")).exitCode());
        assertEquals(0, rnn(parts, ResumeTest.concat(adam, "--max-iterations", "2")).exitCode());
        TrainRun resumed = TrainRun.pearl("train", "--resume", parts.toString(), "--max-iterations", "3");
        assertEquals(0, resumed.exitCode(), resumed.err());
        MetricsTable a = MetricsTable.read(whole.resolve(MetricsCsv.FILE_NAME)), b = MetricsTable.read(parts.resolve(MetricsCsv.FILE_NAME));
        for (String column : List.of("train_loss", "test_loss", "test_solved"))
            assertArrayEquals(a.column(column), b.column(column), column + " differs after resuming");
        double[] loss = a.column("train_loss");
        assertTrue(loss[3] < loss[0], "Adam lowers the loss: " + Arrays.toString(loss));
    }


    @Test
    void badTasksGetOneLineErrors() {
        String out = tmp.resolve("x").toString();
        String unknown = failing("train", "--task", "sorting", "--out", out).err();
        assertTrue(unknown.contains("unknown sequence task 'sorting'") && unknown.contains("addition") && unknown.contains("memorisation-20bit"), unknown);
        String tooShort = failing("train", "--task", "addition", "--length", "10", "--out", out).err();
        assertTrue(tooShort.contains("addition: length T = 10 is too short"), tooShort);
        assertTrue(failing("train", "--task", "addition", "--layers", "2,8,1", "--out", out).err()
                .contains("--layers sets an auto-encoder's sizes; --task trains a tanh RNN"));
        assertTrue(failing("train", "--task", "addition", "--dataset", "curves", "--out", out).err()
                .contains("--task generates its sequences; drop --dataset curves"));
        assertTrue(failing("train", "--task", "addition", "--model", "lenet", "--out", out).err()
                .contains("--task trains a tanh RNN; drop --model lenet"));
        assertTrue(failing("train", "--model", "rnn", "--out", out).err().contains("--model rnn needs a --task NAME"));
        assertTrue(failing("train", "--task", "addition", "--hidden", "0", "--out", out).err().contains("--hidden must be >= 1, got 0"));
        assertTrue(failing("train", "--task", "addition", "--structural-damping", "-1", "--out", out).err()
                .contains("--structural-damping: structural damping μ must be finite and >= 0, got -1.0"));
        assertTrue(failing("train", "--structural-damping", "0", "--out", out).err()
                .contains("--structural-damping 0.0: --model autoencoder declares no hidden states to damp"));
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for a run that cannot start");
    }

    @Test
    void withoutStructuralDampingHfRunsPlainGaussNewtonAndSaysSo() throws IOException {
        Path out = tmp.resolve("plain");
        TrainRun run = rnn(out, "--structural-damping", "0", "--cg-max-iterations", "5", "--max-iterations", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("structural damping off (μ = 0)"), run.out());
        assertEquals("0.0", dev.pearl.examples.checkpoint.Checkpoint.read(out.resolve(dev.pearl.examples.checkpoint.Checkpoint.FILE_NAME),
                dev.pearl.tensor.Backends.cpu(1)).meta("config.structural_damping"), "μ is stored with the run");
    }

    @Test
    void tuneAndCompareTakeTheTaskAndTheTuningFileRemembersItsLength() throws IOException {
        List<String> data = List.of("--task", "addition", "--length", "20", "--hidden", "4", "--train-size", "100", "--test-size", "50",
                "--dtype", "float64", "--threads", "1");
        Path tuning = tmp.resolve("tuning");
        List<String> tune = new ArrayList<>(List.of("tune", "--optimizers", "adam", "--budget", "600", "--max-iterations", "1",
                "--updates-per-iteration", "2", "--grid", "learning-rate=0.001,0.01", "--out", tuning.toString()));
        tune.addAll(data);
        TrainRun tuned = TrainRun.pearl(tune.toArray(String[]::new));
        assertEquals(0, tuned.exitCode(), tuned.out() + tuned.err());
        SettingsFile file = SettingsFile.read(tuning.resolve("adam.properties"));
        assertEquals("addition", file.dataset());
        assertEquals("tanh RNN, 4 hidden, T = 20", file.layers());
        assertTrue(Files.readString(tuning.resolve("adam-grid.md")).contains("100 / 50 train / test cases"));
        // A task's trials are scored by the train loss: the solved fraction ties while nothing is solved.
        MetricsTable trial = MetricsTable.read(tuning.resolve("adam").resolve("trial-01").resolve(MetricsCsv.FILE_NAME));
        double[] losses = trial.column("train_loss");
        assertEquals(losses[losses.length - 1], file.trials().get(0).trainError(), 0);
        assertTrue(tuned.out().contains("train loss "), tuned.out());
        String other = failing("train", "--settings", tuning.resolve("adam.properties").toString(), "--task", "addition", "--length", "30",
                "--hidden", "4", "--train-size", "100", "--test-size", "50", "--seed", "2", "--out", tmp.resolve("t").toString()).err();
        assertTrue(other.contains("network tanh RNN, 4 hidden, T = 20 (this run: tanh RNN, 4 hidden, T = 30)"), other);

        Path comparison = tmp.resolve("cmp");
        List<String> compare = new ArrayList<>(List.of("compare", "--optimizers", "adam", "--budget", "1", "--out", comparison.toString()));
        compare.addAll(data);
        TrainRun compared = TrainRun.pearl(compare.toArray(String[]::new));
        assertEquals(0, compared.exitCode(), compared.out() + compared.err());
        String table = Files.readString(comparison.resolve("comparison.md"));
        assertTrue(table.contains("fraction of training sequences not solved") && !table.contains("image"), table);
        assertTrue(Files.readString(comparison.resolve("adam-seed1").resolve("train.log")).contains("addition, T = 20"));
    }
}
