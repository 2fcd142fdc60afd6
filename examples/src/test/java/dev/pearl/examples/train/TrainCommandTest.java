package dev.pearl.examples.train;

import dev.pearl.Params;
import dev.pearl.examples.ShellWords;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.MetricsTable;
import dev.pearl.tensor.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTinyHfRunWritesFallingErrorsPicturesAndACheckpoint() throws Exception {
        TrainRun run = TrainRun.train(dir, "--max-iterations", "3");
        assertEquals(0, run.exitCode(), run.err());

        MetricsTable metrics = MetricsTable.read(dir.resolve(MetricsCsv.FILE_NAME));
        assertEquals(MetricsCsv.STANDARD_COLUMNS, metrics.columns().subList(0, MetricsCsv.STANDARD_COLUMNS.size()));
        assertTrue(metrics.columns().containsAll(List.of("gradient_s", "cg_s", "linesearch_s", "gv_products", "step")));
        assertArrayEquals(new double[]{0, 1, 2, 3}, metrics.column("iteration"));
        double[] train = metrics.column("train_error"), test = metrics.column("test_error");
        for (int i = 1; i < train.length; i++) {
            assertTrue(train[i] < train[i - 1], "train error should fall every iteration: " + Arrays.toString(train));
            assertTrue(Double.isFinite(test[i]) && test[i] > 0, "test error measured every iteration");
        }
        assertTrue(train[3] < 0.8 * train[0], "HF should cut the train error clearly in 3 iterations: " + Arrays.toString(train));
        double[] cg = metrics.column("cg_iterations"), elapsed = metrics.column("elapsed_s");
        for (int i = 1; i < cg.length; i++) {
            assertTrue(cg[i] >= 1, "every HF iteration runs CG");
            assertTrue(elapsed[i] > elapsed[i - 1], "time moves forward");
        }

        assertPicture(dir.resolve("curves.png"));
        assertPicture(dir.resolve("reconstructions.png"));
        Checkpoint checkpoint = Checkpoint.read(dir.resolve(Checkpoint.FILE_NAME), Backends.cpu(1));
        assertEquals("3", checkpoint.meta("run.iteration"));
        Params theta = checkpoint.params("theta");
        assertArrayEquals(new int[]{784, 32}, theta.get("W1").shape().dims());
        assertArrayEquals(new int[]{32, 784}, theta.get("W4").shape().dims());

        long progressLines = run.out().lines().filter(line -> line.matches("\\s+\\d+\\s+\\d+\\.\\ds\\s+.*")).count();
        assertEquals(4, progressLines, "one progress line per iteration, the start included:\n" + run.out());
        // The jar as seen from the working directory (the module's, in tests), where the build writes it.
        assertEquals(List.of("java", "-jar", "target/pearl.jar", "train", "--max-seconds", "7200"),
                ShellWords.of(after("full-length experiment: ", run.out())));
        assertTrue(run.out().contains("outputs in " + dir), run.out());
    }

    @Test
    void theDampingOptionsReachHfAndTheCheckpoint() throws IOException {
        TrainRun run = TrainRun.train(dir, "--max-iterations", "3", "--initial-damping", "2", "--min-damping", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("damping from 2.00 (at least 1.00)"), run.out());
        double[] lambda = MetricsTable.read(dir.resolve(MetricsCsv.FILE_NAME)).column("lambda");
        assertEquals(2.0, lambda[1], "the first step's λ");
        for (int i = 1; i < lambda.length; i++) assertTrue(lambda[i] >= 1, "the floor holds: " + Arrays.toString(lambda));
        Checkpoint checkpoint = Checkpoint.read(dir.resolve(Checkpoint.FILE_NAME), Backends.cpu(1));
        assertEquals("1.0", checkpoint.meta("config.minimum_damping"));
        assertEquals("2.0", checkpoint.meta("config.initial_damping"));
    }

    @Test
    void theDampingDecreaseDrivesLambdaAndIsStored() throws IOException {
        TrainRun run = TrainRun.train(dir, "--max-iterations", "3", "--initial-damping", "2", "--damping-decrease", "0.25");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("decreasing by 0.250"), run.out());
        MetricsTable metrics = MetricsTable.read(dir.resolve(MetricsCsv.FILE_NAME));
        double[] lambda = metrics.column("lambda"), rho = metrics.column("rho");
        // Each step's λ follows from the one before by the rule: × 0.25 above ρ = 3/4, × 3/2 below 1/4.
        for (int i = 2; i < lambda.length; i++) {
            double expected = rho[i - 1] > 0.75 ? 0.25 * lambda[i - 1] : rho[i - 1] < 0.25 || Double.isNaN(rho[i - 1]) ? 1.5 * lambda[i - 1] : lambda[i - 1];
            assertEquals(expected, lambda[i], 1e-12 * expected, "λ after ρ = " + rho[i - 1]);
        }
        assertEquals("0.25", Checkpoint.read(dir.resolve(Checkpoint.FILE_NAME), Backends.cpu(1)).meta("config.damping_decrease"));
    }

    @Test
    void stochasticHfHasADampingFloorByDefaultAndWholeSetHfNone() throws IOException {
        Path stochastic = dir.resolve("stochastic"), wholeSet = dir.resolve("whole");
        assertEquals(0, TrainRun.train(stochastic, "--max-iterations", "1", "--gradient-batch", "50").exitCode());
        assertEquals(0, TrainRun.train(wholeSet, "--max-iterations", "1").exitCode());
        assertEquals("0.001", Checkpoint.read(stochastic.resolve(Checkpoint.FILE_NAME), Backends.cpu(1)).meta("config.minimum_damping"));
        assertEquals("0.0", Checkpoint.read(wholeSet.resolve(Checkpoint.FILE_NAME), Backends.cpu(1)).meta("config.minimum_damping"));

        Path lowStart = dir.resolve("low");
        TrainRun low = TrainRun.train(lowStart, "--max-iterations", "1", "--gradient-batch", "50", "--initial-damping", "1e-4");
        assertEquals(0, low.exitCode(), "the default floor yields to a lower λ0: " + low.err());
        assertEquals("1.0E-4", Checkpoint.read(lowStart.resolve(Checkpoint.FILE_NAME), Backends.cpu(1)).meta("config.minimum_damping"));
    }

    @Test
    void aTinySgdRunWritesOneRowPerRoundOfUpdates() throws IOException {
        TrainRun run = TrainRun.train(dir, "--optimizer", "sgd", "--max-iterations", "2", "--updates-per-iteration", "4",
                "--batch-size", "50", "--learning-rate", "0.01");
        assertEquals(0, run.exitCode(), run.err());
        MetricsTable metrics = MetricsTable.read(dir.resolve(MetricsCsv.FILE_NAME));
        assertArrayEquals(new double[]{0, 1, 2}, metrics.column("iteration"));
        assertArrayEquals(new double[]{0, 4, 8}, metrics.column("updates"));
        assertArrayEquals(new double[]{0, 1, 2}, metrics.column("epochs"), 1e-12, "4 updates of 50 cover the 200 images once");
        assertTrue(Double.isNaN(metrics.column("lambda")[1]), "SGD has no damping");
        double[] train = metrics.column("train_error");
        assertTrue(train[2] < train[0], Arrays.toString(train));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nesterov", "adam", "rmsprop", "lbfgs"})
    void eachBaselineTrainsTheTinyAutoencoderAndStoresItsSettings(String optimizer) throws IOException {
        TrainRun run = TrainRun.train(dir, ResumeTest.concat(ResumeTest.baseline(optimizer), "--max-iterations", "2"));
        assertEquals(0, run.exitCode(), run.err());
        MetricsTable metrics = MetricsTable.read(dir.resolve(MetricsCsv.FILE_NAME));
        assertArrayEquals(new double[]{0, 3, 6}, metrics.column("updates"));
        double[] train = metrics.column("train_error");
        assertTrue(train[2] < train[0], "train error should fall: " + Arrays.toString(train));
        assertTrue(metrics.column("epochs")[2] > 0);
        Checkpoint checkpoint = Checkpoint.read(dir.resolve(Checkpoint.FILE_NAME), Backends.cpu(1));
        assertEquals(optimizer, checkpoint.meta("config.optimizer"));
        assertEquals(optimizer.equals("lbfgs") ? "80" : "64", checkpoint.meta("config.batch_size"));
        assertTrue(run.out().contains(Optimizers.parse(optimizer).label()), run.out());
    }

    @Test
    void theSettingsGivenReachTheOptimizerAndTheCheckpoint() throws IOException {
        TrainRun run = TrainRun.train(dir, "--optimizer", "adam", "--max-iterations", "1", "--updates-per-iteration", "2",
                "--learning-rate", "0.002", "--beta1", "0.8", "--beta2", "0.99", "--epsilon", "1e-6");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Adam: learning rate 0.00200, beta1 0.800, beta2 0.990, epsilon 1.00e-06, minibatches of 100"), run.out());
        Checkpoint checkpoint = Checkpoint.read(dir.resolve(Checkpoint.FILE_NAME), Backends.cpu(1));
        assertEquals("0.8", checkpoint.meta("config.beta1"));
        assertEquals("1.0E-6", checkpoint.meta("config.epsilon"));
        assertEquals("2", checkpoint.meta("adam.updates"));
        double[] rate = MetricsTable.read(dir.resolve(MetricsCsv.FILE_NAME)).column("learning_rate");
        assertEquals(0.002, rate[1]);
    }

    @Test
    void helpListsEveryOptimizerWithItsDefaults() {
        TrainRun help = TrainRun.pearl("train", "--help");
        assertEquals(0, help.exitCode());
        for (OptimizerChoice<?> c : Optimizers.ALL) assertTrue(help.out().contains("  " + c.key() + " "), c.key() + " in:\n" + help.out());
        assertTrue(help.out().contains("--learning-rate 0.001 --beta1 0.9 --beta2 0.999 --epsilon 1e-8"), help.out());
        assertTrue(help.out().contains("--history 10 --batch-size 0 --steps-per-batch 20"), help.out());
        assertTrue(help.out().contains("--max-momentum 0.99"), help.out());
    }

    @Test
    void theContinueCommandRunsAsPrintedFromTheWorkingDirectory() throws Exception {
        TrainRun first = TrainRun.train(dir, "--max-iterations", "1");
        assertEquals(0, first.exitCode(), first.err());
        List<String> words = ShellWords.of(after("continue this run: ", first.out()));
        assertEquals(List.of("java", "-jar"), words.subList(0, 2));
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(cwd.resolve("target").resolve("pearl.jar"), cwd.resolve(words.get(2)).normalize(), "the jar from the working directory");

        TrainRun resumed = TrainRun.pearl(words.subList(3, words.size()).toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertArrayEquals(new double[]{0, 1, 2}, MetricsTable.read(dir.resolve(MetricsCsv.FILE_NAME)).column("iteration"),
                "the printed command continues the same run to twice its iterations");
    }

    /** The rest of the first line that starts with {@code label}, trimmed. */
    private static String after(String label, String out) {
        return out.lines().filter(line -> line.startsWith(label)).findFirst()
                .map(line -> line.substring(label.length()).trim())
                .orElseThrow(() -> new AssertionError("no line starting with '" + label + "' in:\n" + out));
    }

    private static void assertPicture(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not a readable image");
        assertTrue(image.getWidth() > 100 && image.getHeight() > 50, png + " is too small");
    }
}
