package dev.pearl.examples.train;

import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.tensor.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tuning file written, read back, and accepted or refused by {@code train --settings}. */
class SettingsFileTest {
    @TempDir
    Path dir;

    /** A file for {@link TrainRun#TINY}'s data and network, tuned on seed 100. */
    private static SettingsFile tiny(String optimizer, String chosen, int trainSize, String layers) {
        return new SettingsFile(optimizer, "curves", layers, trainSize, 100, "float64", 100, 2.5, chosen, chosen.isEmpty() ? "every trial diverged" : "",
                List.of(new SettingsFile.Trial("--learning-rate 0.001", 20.5, 21.25, 2.125, "ok"),
                        new SettingsFile.Trial("--learning-rate 0.003", 12.125, 13.0, 3.0, "ok"),
                        new SettingsFile.Trial("--learning-rate 0.01", Double.POSITIVE_INFINITY, Double.NaN, 1.2, "diverged: train error NaN after 1.2s")));
    }

    private Path write(SettingsFile file) throws IOException {
        Path path = dir.resolve("tuned.properties");
        file.write(path);
        return path;
    }

    private static void assertOneLineError(TrainRun run, String expected) {
        assertEquals(1, run.exitCode(), run.out());
        String err = run.err().replaceAll("(?m)^WARNING.*\\R", "").strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(expected), err);
    }

    @Test
    void writesAndReadsBackEveryEntryExactly() throws IOException {
        SettingsFile file = tiny("adam", "--learning-rate 0.003", 200, "784-32-6-32-784");
        assertEquals(file, SettingsFile.read(write(file)));
        SettingsFile refused = tiny("adam", "", 200, "784-32-6-32-784");
        assertEquals(refused, SettingsFile.read(write(refused)));
    }

    @Test
    void trainStartsFromTheChosenSettingsAndOptionsOverrideThem() throws Exception {
        Path file = write(tiny("adam", "--learning-rate 0.003 --beta1 0.8", 200, "784-32-6-32-784"));
        Path run = dir.resolve("run");
        TrainRun done = TrainRun.train(run, "--settings", file.toString(), "--beta1", "0.7", "--max-iterations", "1");
        assertEquals(0, done.exitCode(), done.err());
        Checkpoint c = Checkpoint.read(run.resolve(Checkpoint.FILE_NAME), Backends.cpu(1));
        assertEquals("adam", c.meta("config.optimizer"));
        assertEquals("0.003", c.meta("config.learning_rate"));
        assertEquals("0.7", c.meta("config.beta1"), "the command line wins over the file");
    }

    @Test
    void aFileTunedOnOtherSizesIsRefusedWithTheReason() throws IOException {
        Path file = write(tiny("adam", "--learning-rate 0.003", 300, "784-32-6-32-784"));
        assertOneLineError(TrainRun.train(dir.resolve("run"), "--settings", file.toString()),
                "was tuned for 300 / 100 train / test cases (this run: 200 / 100)");
        assertFalse(Files.exists(dir.resolve("run/checkpoint.bin")));
    }

    @Test
    void aFileTunedForAnotherNetworkOrDataSetIsRefused() throws IOException {
        Path file = write(tiny("adam", "--learning-rate 0.003", 200, "784-400-200-100-50-25-6-25-50-100-200-400-784"));
        assertOneLineError(TrainRun.train(dir.resolve("run"), "--settings", file.toString()),
                "network 784-400-200-100-50-25-6-25-50-100-200-400-784 (this run: 784-32-6-32-784)");
    }

    @Test
    void trainingOnTheTuningSeedIsRefused() throws IOException {
        Path file = write(tiny("adam", "--learning-rate 0.003", 200, "784-32-6-32-784"));
        assertOneLineError(TrainRun.train(dir.resolve("run"), "--settings", file.toString(), "--seed", "100"), "was tuned on seed 100");
    }

    @Test
    void aFileWithoutAChoiceIsRefusedWithItsReason() throws IOException {
        Path file = write(tiny("adam", "", 200, "784-32-6-32-784"));
        assertOneLineError(TrainRun.train(dir.resolve("run"), "--settings", file.toString()), "holds no chosen settings: every trial diverged");
    }

    @Test
    void anotherOptimizerOrAResumeContradictsTheFile() throws IOException {
        Path file = write(tiny("adam", "--learning-rate 0.003", 200, "784-32-6-32-784"));
        assertOneLineError(TrainRun.train(dir.resolve("run"), "--settings", file.toString(), "--optimizer", "sgd"),
                "--optimizer sgd contradicts --settings");
        assertOneLineError(TrainRun.pearl("train", "--resume", dir.resolve("run").toString(), "--settings", file.toString()),
                "sets up a new run");
    }

    @Test
    void aDamagedFileIsOneLineNamingTheEntry() throws IOException {
        Path file = write(tiny("adam", "--learning-rate 0.003", 200, "784-32-6-32-784"));
        Files.writeString(file, Files.readString(file).replace("train_size=200", "train_size=two hundred"));
        assertOneLineError(TrainRun.train(dir.resolve("run"), "--settings", file.toString()), "'train_size' should be a whole number, found 'two hundred'");
        assertOneLineError(TrainRun.train(dir.resolve("run"), "--settings", dir.resolve("none.properties").toString()), "none.properties");
    }
}
