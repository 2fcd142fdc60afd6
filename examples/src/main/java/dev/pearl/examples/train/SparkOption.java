package dev.pearl.examples.train;

import dev.pearl.hf.HfSettings;
import dev.pearl.hf.parallel.ShardedData;

import java.util.OptionalInt;

/** What {@code --spark} needs, checked without loading any Spark class: the auto-encoder, batches large enough for hashed chunks, and Spark on the classpath. */
final class SparkOption {
    private static final String SPARK_CLASS = "org.apache.spark.SparkConf";

    private SparkOption() {
    }

    /** Fails in one line when the run cannot go to Spark. */
    static void check(RunConfig config, int shards) {
        if (config.model() != ModelKind.AUTOENCODER)
            throw new IllegalArgumentException("--spark trains the auto-encoder only, not --model " + config.model().key());
        if (config.optimizer().settings() instanceof HfSettings hf) checkHashable(hf, config.trainSize());
        OptionalInt batch = config.optimizer().minibatchSize();
        if (batch.isPresent() && batch.getAsInt() < Math.min(ShardedData.SMALLEST_MINIBATCH, config.trainSize()))
            throw new IllegalArgumentException("--batch-size " + batch.getAsInt() + " is too small for --spark, whose minibatches are hashed chunks "
                    + "of the shards: give --batch-size >= " + ShardedData.SMALLEST_MINIBATCH + " (or the whole " + config.trainSize() + " training images)");
        if (shards < 1 || shards > config.trainSize())
            throw new IllegalArgumentException("--spark-shards must be between 1 and the " + config.trainSize() + " training images, got " + shards);
        try {
            Class.forName(SPARK_CLASS, false, SparkOption.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("--spark needs Apache Spark 4 on the classpath (pearl.jar does not ship it): "
                    + "run pearl with Spark's jars on -cp or through spark-submit (see the README)");
        }
    }

    /** HF's batches on --spark are hashed chunks of the shards: large enough that none comes out empty. */
    private static void checkHashable(HfSettings hf, int trainSize) {
        if (!hf.isStochastic()) {
            // Martens' curvature chunks hold about the curvature batch each: from 32 cases on, one comes out empty with probability below e^-32.
            int smallestChunk = ShardedData.SMALLEST_MINIBATCH / 2;
            if (hf.curvatureBatch() < Math.min(smallestChunk, trainSize))
                throw new IllegalArgumentException("--curvature-batch " + hf.curvatureBatch() + " is too small for --spark, whose curvature batches are "
                        + "hashed chunks of the shards: give --curvature-batch >= " + smallestChunk);
            return;
        }
        if (hf.gradientBatch() < Math.min(ShardedData.SMALLEST_MINIBATCH, trainSize))
            throw new IllegalArgumentException("--gradient-batch " + hf.gradientBatch() + " is too small for --spark, whose batches are hashed chunks "
                    + "of the shards: give --gradient-batch >= " + ShardedData.SMALLEST_MINIBATCH + " (or the whole " + trainSize + " training images)");
        if (hf.curvatureBatch() < Math.min(ShardedData.SMALLEST_MINIBATCH, hf.gradientBatch()))
            throw new IllegalArgumentException("--curvature-batch " + hf.curvatureBatch() + " is too small for --spark, whose batches are hashed chunks "
                    + "of the shards: give --curvature-batch >= " + ShardedData.SMALLEST_MINIBATCH);
    }
}
