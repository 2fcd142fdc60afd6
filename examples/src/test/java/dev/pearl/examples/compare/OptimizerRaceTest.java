package dev.pearl.examples.compare;

import dev.pearl.examples.PearlCli;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.examples.report.MetricsCsv;
import dev.pearl.examples.report.MetricsTable;
import dev.pearl.examples.train.SettingsFile;
import dev.pearl.tensor.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pearl compare} running optimizers on 200 tiny CURVES images. */
class OptimizerRaceTest {
    private static final List<String> TINY = List.of("--train-size", "200", "--test-size", "100", "--dtype", "float64",
            "--layers", "784,32,6,32,784", "--threads", "1");

    @Test
    void runsEveryOptimizerOnEverySeedForTheBudgetThenPlotsAndTabulates(@TempDir Path dir) throws Exception {
        Path tuned = dir.resolve("adam.properties");
        new SettingsFile("adam", "curves", "784-32-6-32-784", 200, 100, "float64", 100, 1, "--learning-rate 0.003", "",
                List.of(new SettingsFile.Trial("--learning-rate 0.003", 30, 31, 1, "ok"))).write(tuned);
        Path out = dir.resolve("cmp");
        StringWriter stdout = new StringWriter(), stderr = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--optimizers", "sgd", "--settings", tuned.toString(),
                "--seeds", "1,2", "--budget", "1.5", "--targets", "250,1", "--out", out.toString()));
        args.addAll(TINY);
        int code = PearlCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args.toArray(String[]::new));
        assertEquals(0, code, stderr.toString());

        double[] finals = new double[4];
        int i = 0;
        for (String run : List.of("sgd-seed1", "sgd-seed2", "adam-tuned-seed1", "adam-tuned-seed2")) {
            MetricsTable t = MetricsTable.read(out.resolve(run).resolve(MetricsCsv.FILE_NAME));
            assertTrue(t.rowCount() >= 1, run + " measured its start");
            Checkpoint c = Checkpoint.read(out.resolve(run).resolve(Checkpoint.FILE_NAME), Backends.cpu(1));
            assertEquals("1.5", c.meta("config.max_seconds"), "every run has the same wall-time budget");
            assertEquals(run.endsWith("seed1") ? "1" : "2", c.meta("config.seed"));
            finals[i++] = t.column("train_error")[t.rowCount() - 1];
        }
        assertEquals("0.003", Checkpoint.read(out.resolve("adam-tuned-seed1").resolve(Checkpoint.FILE_NAME), Backends.cpu(1))
                .meta("config.learning_rate"), "the tuned settings are used");
        assertFalse(Files.exists(out.resolve("warm-up")));
        String table = Files.readString(out.resolve(OptimizerRace.TABLE));
        assertTrue(table.contains("squared error per image summed over its pixels, no 1/2"), table);
        assertTrue(table.contains("| optimizer | runs | time to 250 | time to 1 | final train | final test |"), table);
        // The median of two seeds' final errors is their mean; the envelope ends at the lower of the two medians.
        double sgd = (finals[0] + finals[1]) / 2, adam = (finals[2] + finals[3]) / 2;
        assertTrue(table.contains(String.format(Locale.ROOT, "| sgd | 2 |")), table);
        assertTrue(table.contains(String.format(Locale.ROOT, "| %.3f |", sgd)), table);
        assertTrue(table.contains(String.format(Locale.ROOT, "| adam (tuned) | 2 |")), table);
        assertTrue(table.contains(String.format(Locale.ROOT, "| envelope of sgd, adam (tuned) | - |")), table);
        assertTrue(table.contains("not reached"), "no auto-encoder reaches error 1 in 1.5 s: " + table);
        assertTrue(table.contains(String.format(Locale.ROOT, " %.3f | - |", Math.min(sgd, adam))), table);
        BufferedImage png = ImageIO.read(out.resolve(OptimizerRace.PLOT).toFile());
        assertNotNull(png);
        assertEquals(900, png.getWidth());
    }

    @Test
    void runDirectoriesAndOptimizersTogetherAreRefused(@TempDir Path dir) {
        StringWriter stdout = new StringWriter(), stderr = new StringWriter();
        int code = PearlCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "compare", "--optimizers", "sgd", dir.toString());
        assertEquals(1, code);
        assertTrue(stderr.toString().contains("not both"), stderr.toString());
        code = PearlCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), "compare", "--optimizers", "nope", "--out", dir.resolve("x").toString());
        assertEquals(1, code);
        assertTrue(stderr.toString().contains("unknown optimizer 'nope'"), stderr.toString());
    }
}
