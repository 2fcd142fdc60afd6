package dev.pearl.examples.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baselines and stochastic HF with {@code --spark}: their batch gradients summed over shards on Spark, resumed exactly. */
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

    /** 200 images in gradient chunks of 100, curvature on half of each: one pass per iteration, three iterations. */
    @Test
    void stochasticHfOnSparkTrainsAndResumesToTheUninterruptedRun() throws IOException {
        String[] hf = {"--gradient-batch", "100", "--curvature-batch", "64", "--spark", "local[2]", "--spark-shards", "2"};
        Path straight = tmp.resolve("hf-straight"), split = tmp.resolve("hf-split");
        TrainRun reference = TrainRun.train(straight, with(hf, "--max-iterations", "3"));
        assertEquals(0, reference.exitCode(), reference.err());
        assertTrue(reference.out().contains("stochastic HF") && reference.out().contains("on Spark local[2], 2 shards"), reference.out());
        assertEquals(0, TrainRun.train(split, with(hf, "--max-iterations", "1")).exitCode());
        TrainRun resumed = TrainRun.pearl("train", "--resume", split.toString(), "--max-iterations", "3");
        assertEquals(0, resumed.exitCode(), resumed.err());
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
