package dev.pearl.examples.train;

import dev.pearl.examples.checkpoint.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pearl.examples.train.TrainRun.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad options and bad files end the command with one clear line and a non-zero exit code. */
class TrainErrorsTest {
    @TempDir
    Path tmp;


    @Test
    void unknownDataset() {
        TrainRun run = failing("train", "--dataset", "imagenet", "--out", tmp.resolve("x").toString());
        assertTrue(run.err().contains("unknown --dataset 'imagenet'") && run.err().contains("curves or mnist-idx:DIR"), run.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for a run that cannot start");
    }

    @Test
    void sparkNeedsHashableBatchesAndAtMostOneShardPerImage() {
        String[] tiny = {"train", "--train-size", "200", "--test-size", "100", "--spark", "local[2]"};
        assertTrue(failing(with(tiny, "--gradient-batch", "50", "--out", tmp.resolve("b").toString())).err()
                .contains("--gradient-batch 50 is too small for --spark, whose batches are hashed chunks of the shards: give --gradient-batch >= 64"));
        assertTrue(failing(with(tiny, "--gradient-batch", "100", "--curvature-batch", "20", "--out", tmp.resolve("e").toString())).err()
                .contains("--curvature-batch 20 is too small for --spark"));
        assertTrue(failing(with(tiny, "--gradient-batch", "200", "--curvature-batch", "20", "--out", tmp.resolve("f").toString())).err()
                .contains("--curvature-batch 20 is too small for --spark, whose curvature batches are hashed chunks"));
        assertTrue(failing(with(tiny, "--spark-shards", "0", "--out", tmp.resolve("c").toString())).err()
                .contains("--spark-shards must be between 1 and the 200 training images, got 0"));
        assertTrue(failing("train", "--train-size", "200", "--test-size", "100", "--spark-shards", "2", "--out", tmp.resolve("d").toString()).err()
                .contains("--spark-shards 2 goes with --spark MASTER"));
        assertFalse(Files.exists(tmp.resolve("d")), "nothing is written for a run that cannot start");
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void unknownOptionAndBadValues() {
        assertTrue(failing("train", "--frobnicate").err().contains("--frobnicate"));
        assertTrue(failing("train", "--train-size", "many").err().contains("--train-size"));
        assertTrue(failing("train", "--dtype", "float16", "--out", tmp.toString()).err().contains("unknown dtype 'float16'"));
        assertTrue(failing("train", "--updates-per-iteration", "0", "--out", tmp.toString()).err().contains("--updates-per-iteration must be >= 1, got 0"));
    }

    @Test
    void unknownOptimizerOutOfRangeSettingAndSettingOfAnotherOptimizer() {
        String out = tmp.resolve("x").toString();
        assertTrue(failing("train", "--optimizer", "adamw", "--out", out).err()
                .contains("unknown optimizer 'adamw' (expected hf, sgd, nesterov, adam, rmsprop or lbfgs)"));
        assertTrue(failing("train", "--optimizer", "adam", "--beta1", "1.5", "--out", out).err()
                .contains("--beta1: Adam beta1 must lie in [0, 1), got 1.5"));
        assertTrue(failing("train", "--optimizer", "rmsprop", "--epsilon", "0", "--out", out).err()
                .contains("--epsilon: RMSProp epsilon must be finite and > 0, got 0.0"));
        assertTrue(failing("train", "--optimizer", "nesterov", "--max-momentum", "1", "--out", out).err()
                .contains("--max-momentum: maximum momentum must lie in [0, 1), got 1.0"));
        assertTrue(failing("train", "--optimizer", "lbfgs", "--history", "0", "--out", out).err()
                .contains("--history: L-BFGS history must be >= 1, got 0"));
        assertTrue(failing("train", "--optimizer", "sgd", "--learning-rate", "-1", "--out", out).err()
                .contains("--learning-rate: SGD learning rate must be finite and > 0, got -1.0"));
        assertTrue(failing("train", "--learning-rate", "0.1", "--out", out).err().contains("--learning-rate does not apply to --optimizer hf"));
        assertTrue(failing("train", "--optimizer", "rmsprop", "--momentum", "0.9", "--out", out).err()
                .contains("--momentum does not apply to --optimizer rmsprop, whose settings are --learning-rate, --decay, --epsilon, --batch-size"));
        assertTrue(failing("train", "--optimizer", "sgd", "--gradient-batch", "10", "--min-damping", "1e-3", "--out", out).err()
                .contains("--gradient-batch, --min-damping do not apply to --optimizer sgd"));
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for a run that cannot start");
    }

    @Test
    void stochasticHfRulesNameTheOption() {
        assertTrue(failing("train", "--gradient-batch", "0", "--out", tmp.toString()).err().contains("--gradient-batch: HF gradient batch must lie between 1"));
        assertTrue(failing("train", "--gradient-batch", "100", "--line-search-batch", "50", "--out", tmp.toString()).err()
                .contains("--line-search-batch: HF line-search batch 50 does not apply to stochastic HF (gradient batch 100 of 20000 cases)"));
        assertTrue(failing("train", "--train-size", "1000", "--gradient-batch", "100", "--curvature-batch", "200", "--out", tmp.toString()).err()
                .contains("--curvature-batch: HF curvature batch 200 is larger than the gradient batch 100"));
        assertTrue(failing("train", "--train-size", "1000", "--gradient-batch", "800", "--out", tmp.toString()).err()
                .contains("--gradient-batch: HF gradient batch 800 of 1000 training cases makes a single batch; use at most 666"));
        assertTrue(failing("train", "--initial-damping", "1", "--min-damping", "2", "--out", tmp.toString()).err()
                .contains("--min-damping: HF minimum damping must lie in [0, initial damping 1.0], got 2.0"));
        assertTrue(failing("train", "--initial-damping", "0", "--out", tmp.toString()).err().contains("--initial-damping: HF initial damping must be finite and > 0"));
        assertTrue(failing("train", "--damping-decrease", "0.9", "--out", tmp.toString()).err()
                .contains("--damping-decrease: HF damping decrease must lie in (0, 2/3], got 0.9"));
        assertTrue(failing("train", "--gradient-batch", "0", "--line-search-batch", "50", "--out", tmp.toString()).err()
                .contains("--gradient-batch: HF gradient batch must lie between 1"), "the gradient batch comes first");
    }

    @Test
    void missingResumeDirectoryOrCheckpoint() throws IOException {
        Path nowhere = tmp.resolve("nowhere");
        assertTrue(failing("train", "--resume", nowhere.toString()).err().contains(nowhere + ": cannot resume: no such run directory"));
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertTrue(failing("train", "--resume", empty.toString()).err().contains("no checkpoint in " + empty));
    }

    @Test
    void damagedCheckpointNamesFileAndOffset() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, TrainRun.train(run, "--max-iterations", "1").exitCode());
        Path file = run.resolve(Checkpoint.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
        TrainRun resumed = failing("train", "--resume", run.toString(), "--max-iterations", "2");
        assertTrue(resumed.err().contains(file.toString()) && resumed.err().contains("checksum mismatch"), resumed.err());
    }

    @Test
    void malformedIdxFileNamesFileAndOffset() throws IOException {
        Path idx = Files.createDirectory(tmp.resolve("idx"));
        // A valid header promising two 28x28 images, and only 100 bytes of pixels.
        byte[] train = new byte[16 + 100];
        int[] header = {0x00000803, 2, 28, 28};
        for (int i = 0; i < 4; i++)
            for (int b = 0; b < 4; b++) train[4 * i + b] = (byte) (header[i] >>> (24 - 8 * b));
        Files.write(idx.resolve("train-images-idx3-ubyte"), train);
        Files.write(idx.resolve("t10k-images-idx3-ubyte"), train);
        TrainRun run = failing("train", "--dataset", "mnist-idx:" + idx, "--out", tmp.resolve("out").toString());
        assertTrue(run.err().contains("train-images-idx3-ubyte") && run.err().contains("byte offset 116") && run.err().contains("truncated"), run.err());
    }

    @Test
    void aDirectoryThatHoldsARunIsNotOverwritten() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, TrainRun.train(run, "--max-iterations", "1").exitCode());
        TrainRun again = failing("train", "--out", run.toString(), "--max-iterations", "1");
        assertTrue(again.err().contains("already holds a run; continue it with --resume " + run), again.err());
    }

    @Test
    void resumeMayNotWriteElsewhere() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, TrainRun.train(run, "--max-iterations", "1").exitCode());
        TrainRun both = failing("train", "--resume", run.toString(), "--out", tmp.resolve("other").toString());
        assertTrue(both.err().contains("drop --out"), both.err());
    }
}
