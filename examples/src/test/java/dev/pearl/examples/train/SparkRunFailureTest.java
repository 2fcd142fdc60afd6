package dev.pearl.examples.train;

import dev.pearl.examples.PearlCli;
import dev.pearl.examples.checkpoint.Checkpoint;
import dev.pearl.tensor.Backends;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.pearl.examples.train.ResumeTest.assertOneLine;
import static dev.pearl.examples.train.ResumeTest.assertSameRun;
import static dev.pearl.examples.train.ResumeTest.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code --spark} run whose Spark application dies mid-run ends with one line naming the cause,
 * keeps the checkpoint of its last finished iteration, and resumed from it on Spark ends exactly
 * where an uninterrupted run ends, on the master and shards it remembers. Spark local[2] in this JVM; each run starts and stops its own
 * context, one at a time.
 */
class SparkRunFailureTest {
    /** Two iterations of at most 3 CG steps: every Spark job costs a round trip, and the failure comes in the second. */
    private static final String[] SPARK = {"--spark", "local[2]", "--spark-shards", "2", "--max-iterations", "2", "--cg-max-iterations", "3"};
    /** The progress line of iteration 1 ("%5d %8s ..."): printed after its checkpoint is written. */
    private static final Pattern ITERATION_ONE = Pattern.compile("(?m)^ {4}1 ");

    @TempDir
    Path tmp;

    @Test
    void aRunThatLosesSparkKeepsItsCheckpointAndResumesToTheUninterruptedResult() throws IOException {
        Path straight = tmp.resolve("straight"), failed = tmp.resolve("failed");
        TrainRun reference = TrainRun.train(straight, SPARK);
        assertEquals(0, reference.exitCode(), reference.err());

        // Spark stops the application once iteration 1 is saved: what the driver sees when a standalone master gives up on
        // executors that failed beyond its retries.
        TrainRun broken = trainStoppingSparkAfterIterationOne(failed);
        assertNotEquals(0, broken.exitCode());
        assertOneLine(broken.err());
        assertFalse(broken.err().contains("Exception") || broken.err().contains("\tat "), "no stack trace: " + broken.err());
        assertTrue(broken.err().contains("Spark failed during") && broken.err().contains("Spark stopped the application"), broken.err());
        assertTrue(broken.err().contains(failed.resolve(Checkpoint.FILE_NAME) + " holds iteration 1; continue with: pearl train --resume "),
                broken.err());
        assertTrue(broken.err().contains("(it keeps --spark 'local[2]'; --spark MASTER moves it)"), broken.err());
        assertEquals(1, RunCheckpoint.read(failed, Backends.cpu(1)).iteration());
        byte[] saved = Files.readAllBytes(failed.resolve(Checkpoint.FILE_NAME));

        // Resuming against a master that does not answer: one line, and the checkpoint as it was.
        String master = "spark://127.0.0.1:" + freePort();
        TrainRun unreachable = TrainRun.pearl("train", "--resume", failed.toString(), "--spark", master);
        assertNotEquals(0, unreachable.exitCode());
        assertOneLine(unreachable.err());
        assertTrue(unreachable.err().contains("Spark master " + master + " is unreachable"), unreachable.err());
        assertArrayEquals(saved, Files.readAllBytes(failed.resolve(Checkpoint.FILE_NAME)), "the checkpoint must survive");

        // The run remembers its master and shards: --resume alone goes on on Spark.
        TrainRun resumed = TrainRun.pearl("train", "--resume", failed.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming " + failed + " after iteration 1"), resumed.out());
        assertTrue(resumed.out().contains("on Spark local[2], 2 shards"), resumed.out());
        assertSameRun(straight, failed);
    }

    /** The tiny run with {@link #SPARK}, whose output stops the active Spark context when iteration 1's line appears. */
    private static TrainRun trainStoppingSparkAfterIterationOne(Path out) {
        StringWriter text = new StringWriter(), err = new StringWriter();
        Writer stopper = new Writer() {
            private boolean stopped;

            @Override
            public void write(char[] chars, int offset, int length) {
                text.write(chars, offset, length);
                if (!stopped && ITERATION_ONE.matcher(text.toString()).find()) {
                    stopped = true;
                    SparkContext.getOrCreate().stop();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(TrainRun.TINY);
        args.addAll(List.of(concat(new String[]{"--out", out.toString()}, SPARK)));
        int code = PearlCli.run(new PrintWriter(stopper, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new TrainRun(code, text.toString(), err.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // free now, and nothing listens once closed
        }
    }
}
