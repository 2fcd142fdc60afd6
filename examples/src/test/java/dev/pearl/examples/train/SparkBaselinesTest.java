package dev.pearl.examples.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baselines with {@code --spark}: their minibatch gradients summed over shards on Spark, resumed exactly. */
class SparkBaselinesTest {
    /** 200 images in minibatches of 64: 4 per pass, so 2 iterations of 3 updates cross into the second pass. */
    private static final String[] ADAM_ON_SPARK = {"--optimizer", "adam", "--batch-size", "64", "--updates-per-iteration", "3",
            "--spark", "local[2]", "--spark-shards", "2"};

    @TempDir
    Path tmp;

    @Test
    void adamOnSparkTrainsAndResumesToTheUninterruptedRun() throws IOException {
        Path straight = tmp.resolve("straight"), split = tmp.resolve("split");
        TrainRun reference = TrainRun.train(straight, with(ADAM_ON_SPARK, "--max-iterations", "2"));
        assertEquals(0, reference.exitCode(), reference.err());
        assertEquals(0, TrainRun.train(split, with(ADAM_ON_SPARK, "--max-iterations", "1")).exitCode());
        TrainRun resumed = TrainRun.pearl("train", "--resume", split.toString(), "--max-iterations", "2");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("on Spark local[2], 2 shards"), resumed.out());
        ResumeTest.assertSameRun(straight, split);
    }

    @Test
    void minibatchesTooSmallToHashAreOneLineErrors() {
        TrainRun run = TrainRun.failing(with(with(new String[]{"train"}, TrainRun.TINY.toArray(String[]::new)),
                "--optimizer", "sgd", "--batch-size", "10", "--spark", "local[2]", "--out", tmp.resolve("small").toString()));
        assertTrue(run.err().contains("--batch-size 10 is too small for --spark") && run.err().contains("give --batch-size >= 64"), run.err());
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
