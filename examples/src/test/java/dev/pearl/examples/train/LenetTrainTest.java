package dev.pearl.examples.train;

import dev.pearl.examples.report.ConfusionPlot;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.MetricsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
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

/** {@code pearl train --model lenet} on a small labelled image set written by {@link LabelledImages}. */
class LenetTrainTest {
    @TempDir
    Path tmp;

    private TrainRun lenet(Path data, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--model", "lenet", "--dataset", "mnist-idx:" + data,
                "--train-size", "300", "--test-size", "100", "--threads", "1", "--out", out.toString()));
        args.addAll(Arrays.asList(options));
        return TrainRun.pearl(args.toArray(String[]::new));
    }

    @Test
    void hfLowersTheLossAndWritesAccuraciesAndTheConfusionMatrix() throws IOException {
        Path data = LabelledImages.write(tmp.resolve("data"), 300, 100, 28), out = tmp.resolve("hf");
        TrainRun run = lenet(data, out, "--cg-max-iterations", "10", "--max-iterations", "3");
        assertEquals(0, run.exitCode(), run.err());

        MetricsTable m = MetricsTable.read(out.resolve(MetricsCsv.FILE_NAME));
        assertTrue(m.columns().containsAll(LenetRun.REPORT.measureColumns()), m.columns().toString());
        double[] loss = m.column("train_loss"), testLoss = m.column("test_loss");
        for (int i = 1; i < loss.length; i++)
            assertTrue(loss[i] < loss[i - 1], "HF should lower the training loss every iteration: " + Arrays.toString(loss));
        assertTrue(loss[3] < 0.95 * loss[0], "and clearly in 3 iterations: " + Arrays.toString(loss));
        assertTrue(testLoss[3] < testLoss[0], "and the test loss: " + Arrays.toString(testLoss));
        double[] trainError = m.column("train_error"), trainAccuracy = m.column("train_accuracy"), testAccuracy = m.column("test_accuracy");
        for (int i = 0; i < trainError.length; i++) {
            assertEquals(1, trainError[i] + trainAccuracy[i], 1e-12, "accuracy and error rate add up, row " + i);
            // 300 and 100 cases: every rate is a whole number of cases.
            assertEquals(Math.round(trainAccuracy[i] * 300), trainAccuracy[i] * 300, 1e-9);
            assertEquals(Math.round(testAccuracy[i] * 100), testAccuracy[i] * 100, 1e-9);
        }
        assertTrue(m.column("cg_iterations")[1] >= 1, "HF runs CG");
        assertTrue(run.out().contains("train acc") && run.out().contains("test acc"), run.out());
        assertTrue(run.out().contains("test accuracy " + String.format(java.util.Locale.ROOT, "%.2f%%", 100 * testAccuracy[3])), run.out());

        BufferedImage confusion = ImageIO.read(out.resolve(ConfusionPlot.FILE).toFile());
        assertNotNull(confusion, "confusion.png is a readable image");
        assertNotNull(ImageIO.read(out.resolve("curves.png").toFile()), "curves.png is a readable image");
        assertFalse(Files.exists(out.resolve("reconstructions.png")), "a classifier draws no reconstructions");
    }

    @Test
    void adamResumedAfterTwoIterationsEqualsThreeUninterruptedOnes() throws IOException {
        Path data = LabelledImages.write(tmp.resolve("data"), 300, 100, 28);
        String[] adam = {"--optimizer", "adam", "--updates-per-iteration", "3"};
        Path whole = tmp.resolve("whole"), parts = tmp.resolve("parts");
        assertEquals(0, lenet(data, whole, ResumeTest.concat(adam, "--max-iterations", "3")).exitCode());
        assertEquals(0, lenet(data, parts, ResumeTest.concat(adam, "--max-iterations", "2")).exitCode());
        TrainRun resumed = TrainRun.pearl("train", "--resume", parts.toString(), "--max-iterations", "3");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("LeNet"), resumed.out());

        MetricsTable a = MetricsTable.read(whole.resolve(MetricsCsv.FILE_NAME)), b = MetricsTable.read(parts.resolve(MetricsCsv.FILE_NAME));
        assertEquals(4, b.rowCount());
        for (String column : List.of("iteration", "train_loss", "train_error", "test_error", "test_loss", "test_accuracy"))
            assertArrayEquals(a.column(column), b.column(column), column + " differs after resuming");
        double[] loss = a.column("train_loss");
        assertTrue(loss[3] < loss[0], "Adam lowers the loss: " + Arrays.toString(loss));
    }


    @Test
    void badModelsAndDataGetOneLineErrors() throws IOException {
        String out = tmp.resolve("x").toString();
        assertTrue(failing("train", "--model", "resnet", "--out", out).err()
                .contains("unknown --model 'resnet' (expected autoencoder, lenet or rnn)"));
        assertTrue(failing("train", "--model", "lenet", "--dataset", "curves", "--out", out).err()
                .contains("--model lenet classifies labelled 28x28 images (--dataset mnist-idx:DIR), but curves has no labels"));
        assertTrue(failing("train", "--model", "lenet", "--layers", "784,30,784", "--out", out).err()
                .contains("--layers sets an auto-encoder's sizes; --model lenet has a fixed network"));

        Path small = LabelledImages.write(tmp.resolve("small"), 20, 10, 14);
        assertTrue(failing("train", "--model", "lenet", "--dataset", "mnist-idx:" + small, "--out", out).err()
                .contains("holds 14x14 images"));

        Path unlabelled = LabelledImages.write(tmp.resolve("unlabelled"), 20, 10, 28);
        Files.delete(unlabelled.resolve("t10k-labels-idx1-ubyte"));
        assertTrue(failing("train", "--model", "lenet", "--dataset", "mnist-idx:" + unlabelled, "--out", out).err()
                .contains("has no t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz"));

        Path badLabel = LabelledImages.write(tmp.resolve("bad-label"), 20, 10, 28);
        byte[] labels = Files.readAllBytes(badLabel.resolve("train-labels-idx1-ubyte"));
        labels[8 + 5] = 12;
        Files.write(badLabel.resolve("train-labels-idx1-ubyte"), labels);
        assertTrue(failing("train", "--model", "lenet", "--dataset", "mnist-idx:" + badLabel, "--out", out).err()
                .contains("at byte offset 13: label 12 is not a class 0..9"));
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for a run that cannot start");
    }
}
